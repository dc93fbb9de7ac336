package io.hazeljms.jms.client;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.jms.destination.HazelcastDestination;
import io.hazeljms.jms.message.MessageImpl;
import io.hazeljms.store.DestinationKey;
import io.hazeljms.store.StoredMessage;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.NoSuchElementException;

/**
 * Looks at a queue's deliverable messages in delivery order without consuming them. Pages through the store
 * lazily (the selector is applied there), so a deep queue is never copied whole.
 */
public class HazelcastQueueBrowser implements QueueBrowser {

    private static final int PAGE = 100;

    private final HazelcastSession session;
    private final Queue queue;
    private final String selector;
    private volatile boolean closed;

    HazelcastQueueBrowser(HazelcastSession session, Queue queue, String selector) throws JMSException {
        this.session = session;
        this.queue = queue;
        this.selector = MessageSelectors.validate(selector);
        if (((HazelcastDestination) queue).isTemporary()) {
            session.connection().checkConsumable((HazelcastDestination) queue);
        }
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw JmsExceptions.closed("browser");
        }
        session.checkOpen();
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return queue;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return selector;
    }

    @Override
    public Enumeration<Message> getEnumeration() throws JMSException {
        checkOpen();
        return new Pages();
    }

    private final class Pages implements Enumeration<Message> {
        private final Deque<StoredMessage> page = new ArrayDeque<>();
        private long afterKey = -1;
        private boolean exhausted;

        @Override
        public boolean hasMoreElements() {
            if (page.isEmpty() && !exhausted && !closed) {
                DestinationKey key = ((HazelcastDestination) queue).key();
                page.addAll(session.connection().broker().administration().browse(key, selector, afterKey, PAGE));
                if (page.size() < PAGE) {
                    exhausted = true;
                }
                if (!page.isEmpty()) {
                    afterKey = page.peekLast().orderKey();
                }
            }
            return !page.isEmpty();
        }

        @Override
        public Message nextElement() {
            if (!hasMoreElements()) {
                throw new NoSuchElementException("no more messages on " + queue);
            }
            try {
                return MessageImpl.fromStored(page.poll(), (HazelcastDestination) queue,
                        session.connection().deserialization());
            } catch (JMSException e) {
                throw new IllegalArgumentException(ProviderError.BROWSE_UNREADABLE.text(e.getMessage()), e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        session.browserClosed(this);
    }

    void closeQuietly() {
        closed = true;
    }
}
