package io.hazeljms.jms.destination;

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
                    "HJMS-DEST-005 only the connection that created " + getName() + " may delete it");
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
}
