package io.hazeljms.jms.destination;

import io.hazeljms.store.DestinationKey;
import io.hazeljms.jms.ProviderError;
import jakarta.jms.JMSException;
import jakarta.jms.TemporaryQueue;

/** A temporary queue; only the connection that created it ({@link #owner()}) may consume from it. */
public final class HazelcastTemporaryQueue extends HazelcastQueue implements TemporaryQueue {

    private static final long serialVersionUID = 1L;
    static final String PREFIX = "temp-queue";

    private final transient TemporaryDestinationOwner owner;

    public HazelcastTemporaryQueue(String name, TemporaryDestinationOwner owner) {
        super(name);
        this.owner = owner;
    }

    /** The destination as seen in a received message's {@code JMSReplyTo}: usable to send, not to delete. */
    static HazelcastTemporaryQueue reference(String name) {
        return new HazelcastTemporaryQueue(name, null);
    }

    /** The creating connection, or null when this object came from a received message. */
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
        return DestinationKey.Kind.TEMPORARY_QUEUE;
    }
}
