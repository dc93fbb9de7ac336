package io.hazeljms.jms.destination;

import io.hazeljms.store.DestinationKey;
import io.hazeljms.jms.ProviderError;
import jakarta.jms.JMSException;
import jakarta.jms.TemporaryTopic;

/** A temporary topic; only the connection that created it ({@link #owner()}) may consume from it. */
public final class HazelcastTemporaryTopic extends HazelcastTopic implements TemporaryTopic {

    private static final long serialVersionUID = 1L;
    static final String PREFIX = "temp-topic";

    private final transient TemporaryDestinationOwner owner;

    public HazelcastTemporaryTopic(String name, TemporaryDestinationOwner owner) {
        super(name);
        this.owner = owner;
    }

    static HazelcastTemporaryTopic reference(String name) {
        return new HazelcastTemporaryTopic(name, null);
    }

    public TemporaryDestinationOwner owner() {
        return owner;
    }

    @Override
    public void delete() throws JMSException {
        if (owner == null) {
            throw new jakarta.jms.IllegalStateException(
                    ProviderError.TEMPORARY_DELETE_BY_OTHER.text(getName()));
        }
        owner.deleteTemporary(this);
    }

    @Override
    public boolean isTemporary() {
        return true;
    }

    @Override
    protected String prefix() {
        return PREFIX;
    }

    @Override
    protected DestinationKey.Kind kind() {
        return DestinationKey.Kind.TEMPORARY_TOPIC;
    }
}
