package io.hazeljms.sample.messaging;

/**
 * Names of the messaging resources the sample declares (on {@link io.hazeljms.sample.campaign.CampaignService})
 * and uses. Annotation values must be constants, so they live here, once.
 *
 * <pre>
 *   POST /api/campaigns ─▶ mail.campaigns ─▶ CampaignSplitterBean ─▶ mail.outbound (one message per recipient)
 *                                                                      │
 *                         MailSenderBean × maxSession ◀────────────────┘── after 3 failed attempts ─▶ mail.dlq
 *                                │
 *                                └─▶ mail.events (topic) ─▶ MailEventsBean on every instance ─▶ CampaignTracker
 * </pre>
 *
 * A campaign's progress is not counted from the events (an instance that was down missed them) but from what a
 * crash cannot split: see {@link io.hazeljms.sample.progress.Campaigns}.
 */
public final class MailResources {

    /**
     * The resource adapter every definition and message-driven bean names: Payara names a deployed RAR after its
     * file, {@code hazeljms-ra.rar}.
     */
    public static final String RESOURCE_ADAPTER = "hazeljms-ra";

    public static final String CONNECTION_FACTORY = "java:app/jms/MailConnectionFactory";
    public static final String CAMPAIGN_QUEUE = "java:app/jms/CampaignQueue";
    public static final String OUTBOUND_QUEUE = "java:app/jms/OutboundQueue";
    public static final String DEAD_LETTER_QUEUE = "java:app/jms/DeadLetterQueue";
    public static final String EVENTS_TOPIC = "java:app/jms/MailEventsTopic";

    /** Physical names (what the cluster calls them; the same on every instance). */
    public static final String CAMPAIGNS = "mail.campaigns";
    public static final String OUTBOUND = "mail.outbound";
    public static final String DEAD_LETTERS = "mail.dlq";
    public static final String EVENTS = "mail.events";

    /** Sender pool size per instance. */
    public static final String SENDER_SESSIONS = "4";
    /** Deliveries of one mail before it moves to {@link #DEAD_LETTERS}; kept small so a failing address ends quickly. */
    public static final String MAX_DELIVERY_ATTEMPTS = "3";
    /** Pause before a failed mail is tried again. */
    public static final String REDELIVERY_DELAY_MILLIS = "200";

    /** Message properties of a mail (also readable on dead letters, and usable in selectors). */
    public static final String PROP_CAMPAIGN = "campaignId";
    public static final String PROP_RECIPIENT = "recipient";
    public static final String PROP_SUBJECT = "subject";
    public static final String PROP_DELAY = "delayMillis";

    private MailResources() {
    }
}
