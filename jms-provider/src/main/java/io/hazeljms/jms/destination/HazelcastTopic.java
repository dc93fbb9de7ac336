package io.hazeljms.jms.destination;

import io.hazeljms.store.DestinationKey;
import jakarta.jms.Topic;

/** A topic by name; also the JCA admin object (bean property {@code name}). */
public class HazelcastTopic extends HazelcastDestination implements Topic {

    private static final long serialVersionUID = 1L;
    static final String PREFIX = "topic";

    public HazelcastTopic() {
    }

    public HazelcastTopic(String name) {
        super(name);
    }

    @Override
    public String getTopicName() {
        return getName();
    }

    @Override
    public boolean isQueue() {
        return false;
    }

    @Override
    public boolean isTemporary() {
        return false;
    }

    @Override
    protected String prefix() {
        return PREFIX;
    }

    @Override
    protected DestinationKey.Kind kind() {
        return DestinationKey.Kind.TOPIC;
    }
}
