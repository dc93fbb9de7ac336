package io.hazeljms.jms;

import io.hazeljms.store.StoredMessage;

/**
 * Duplicate detection on send: give a message a String property {@link #ID_PROPERTY} unique to its content (an
 * order number, a UUID kept with the work); a second send with the same id to the same destination, while the
 * destination remembers it ({@code duplicateIdCacheSize}, default 20,000 sends), is accepted and not stored. So a
 * producer that does not know whether a send or commit went through (an exception after a member died) sends it
 * again without creating a duplicate.
 *
 * <pre>{@code
 * message.setStringProperty(DuplicateDetection.ID_PROPERTY, order.id());
 * producer.send(queue, message); // once more with the same id after an in-doubt failure: stored once
 * }</pre>
 */
public final class DuplicateDetection {

    /** {@value}: HazelJMS' name for the duplicate-detection id; a non-empty String. */
    public static final String ID_PROPERTY = StoredMessage.DUPLICATE_ID_PROPERTY;

    /**
     * {@value}: Artemis' name ({@code Message.HDR_DUPLICATE_DETECTION_ID}), honoured too, so code written for Artemis
     * keeps its duplicate detection. When a message carries both, {@link #ID_PROPERTY} counts.
     */
    public static final String ARTEMIS_ID_PROPERTY = StoredMessage.ARTEMIS_DUPLICATE_ID_PROPERTY;

    private DuplicateDetection() {
    }
}
