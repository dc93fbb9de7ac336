package io.hazeljms.jms.destination;

import io.hazeljms.store.DestinationKey;
import jakarta.jms.Queue;

/** A queue by name; also the JCA admin object (bean property {@code name}). */
public class HazelcastQueue extends HazelcastDestination implements Queue {

    private static final long serialVersionUID = 1L;
    static final String PREFIX = "queue";

    public HazelcastQueue() {
    }

    public HazelcastQueue(String name) {
        super(name);
    }

    @Override
    public String getQueueName() {
        return getName();
    }

    @Override
    public boolean isQueue() {
        return true;
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
        return DestinationKey.Kind.QUEUE;
    }
}
