package io.hazeljms.console.jmx;

import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.ReflectionException;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The HazelJMS brokers of this JVM, read through the MBeans the provider registers ({@code io.hazeljms:type=Broker}
 * and {@code type=Destination}; README "Management" names them): only JMX and open types, so the console shares no
 * class with the resource adapter and works with whichever copy of the provider registered them. Every read asks
 * the MBeans again (they cache the store's figures for half a second).
 */
public final class BrokerBeans {

    static final String DOMAIN = "io.hazeljms";

    private final MBeanServer server;

    public BrokerBeans(MBeanServer server) {
        this.server = server;
    }

    /** The beans of this JVM's platform MBean server, where the provider registers them. */
    public static BrokerBeans platform() {
        return new BrokerBeans(ManagementFactory.getPlatformMBeanServer());
    }

    /** Cluster names of the brokers registered in this JVM, sorted. */
    public List<String> clusters() {
        List<String> names = new ArrayList<>();
        for (ObjectName n : server.queryNames(name("type=Broker,*"), null)) {
            names.add(unquote(n.getKeyProperty("cluster")));
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    /** The members of a cluster. */
    public List<Member> members(String cluster) {
        String[] lines = (String[]) attribute(broker(cluster), "Members");
        return Arrays.stream(lines).map(Member::parse).toList();
    }

    /** A cluster's queues and topics with their figures, queues first, each sorted by name. */
    public List<DestinationFigures> destinations(String cluster) {
        attribute(broker(cluster), "Destinations"); // registers the MBeans of destinations made since the last refresh
        List<DestinationFigures> list = new ArrayList<>();
        for (ObjectName n : server.queryNames(name("type=Destination,cluster=" + quoteIfNeeded(cluster) + ",*"),
                null)) {
            try {
                list.add(figures(n));
            } catch (ConsoleException gone) {
                // deleted between the query and the read: not listed
            }
        }
        list.sort(Comparator.comparing((DestinationFigures d) -> !"queue".equals(d.kind()))
                .thenComparing(DestinationFigures::name));
        return list;
    }

    /** One destination's figures, or empty when it has no MBean (it does not exist). */
    public Optional<DestinationFigures> destination(String cluster, String kind, String name) {
        return registered(cluster, kind, name).map(this::figures);
    }

    /** A destination's MBean, registering those of destinations made since the provider's last refresh. */
    private Optional<ObjectName> registered(String cluster, String kind, String name) {
        ObjectName n = destinationName(cluster, kind, name);
        if (!server.isRegistered(n)) {
            attribute(broker(cluster), "Destinations");
            if (!server.isRegistered(n)) {
                return Optional.empty();
            }
        }
        return Optional.of(n);
    }

    private ObjectName existing(String cluster, String kind, String name) {
        return registered(cluster, kind, name).orElseThrow(() -> new ConsoleException("cluster " + cluster
                + " has no " + kind + " " + name + " (was it deleted?)", null));
    }

    /** A topic's subscriptions as the store names them. */
    public List<String> subscriptions(String cluster, String topic) {
        return List.of((String[]) attribute(existing(cluster, "topic", topic), "SubscriptionNames"));
    }

    /** Up to {@code max} pending messages of a queue matching {@code selector} (empty: all), in delivery order. */
    public List<BrowsedMessage> browse(String cluster, String queue, String selector, int max) {
        CompositeData[] rows = (CompositeData[]) invoke(existing(cluster, "queue", queue), "browse",
                new Object[] {selector == null ? "" : selector, max},
                new String[] {String.class.getName(), int.class.getName()});
        List<BrowsedMessage> list = new ArrayList<>(rows.length);
        for (CompositeData row : rows) {
            list.add(message(row));
        }
        return list;
    }

    /** Deletes a queue's pending messages; returns how many. */
    public int purge(String cluster, String queue) {
        return (Integer) invoke(existing(cluster, "queue", queue), "purge", new Object[0], new String[0]);
    }

    /** Sends one dead letter back where it came from; returns 1, or 0 when no pending message has that id. */
    public int redrive(String cluster, String queue, String messageId) {
        return (Integer) invoke(existing(cluster, "queue", queue), "redrive", new Object[] {messageId},
                new String[] {String.class.getName()});
    }

    /** Sends the dead letters matching {@code selector} back (empty: all); returns how many moved. */
    public int redriveSelected(String cluster, String queue, String selector) {
        ObjectName n = existing(cluster, "queue", queue);
        if (selector == null || selector.isBlank()) {
            return (Integer) invoke(n, "redriveAll", new Object[0], new String[0]);
        }
        return (Integer) invoke(n, "redriveSelected", new Object[] {selector}, new String[] {String.class.getName()});
    }

    /** Moves a queue's pending messages matching {@code selector} (empty: all) to {@code target}; returns how many. */
    public int move(String cluster, String queue, String target, String selector) {
        return (Integer) invoke(existing(cluster, "queue", queue), "moveTo",
                new Object[] {target, selector == null ? "" : selector},
                new String[] {String.class.getName(), String.class.getName()});
    }

    /** Deletes a destination with everything it holds; true if it existed. */
    public boolean delete(String cluster, String kind, String name) {
        return (Boolean) invoke(broker(cluster), "deleteDestination", new Object[] {kind, name},
                new String[] {String.class.getName(), String.class.getName()});
    }

    private DestinationFigures figures(ObjectName n) {
        return new DestinationFigures((String) attribute(n, "Kind"), (String) attribute(n, "Name"),
                (Long) attribute(n, "Depth"), (Long) attribute(n, "Pending"), (Long) attribute(n, "InFlight"),
                (Long) attribute(n, "Scheduled"), (Integer) attribute(n, "Consumers"),
                (Integer) attribute(n, "SubscriptionCount"), (Long) attribute(n, "Enqueued"),
                (Long) attribute(n, "Acknowledged"), (Long) attribute(n, "Expired"),
                (Long) attribute(n, "DeadLettered"), (Long) attribute(n, "DuplicatesDropped"),
                (Long) attribute(n, "Bytes"),
                (Integer) attribute(n, "MaxMessages"), (Long) attribute(n, "MaxBytes"),
                (Double) attribute(n, "EnqueueRate"), (Double) attribute(n, "AcknowledgeRate"));
    }

    private static BrowsedMessage message(CompositeData row) {
        Map<String, String> properties = new TreeMap<>();
        TabularData table = (TabularData) row.get("properties");
        if (table != null) {
            for (Object entry : table.values()) {
                CompositeData e = (CompositeData) entry;
                properties.put((String) e.get("key"), (String) e.get("value"));
            }
        }
        return new BrowsedMessage((String) row.get("messageId"), (Long) row.get("timestamp"),
                (Integer) row.get("priority"), (Boolean) row.get("persistent"), (Long) row.get("expiration"),
                (Long) row.get("deliveryTime"), (String) row.get("correlationId"), (String) row.get("type"),
                (String) row.get("replyTo"), (Integer) row.get("deliveryCount"), properties,
                (String) row.get("bodyType"), (Integer) row.get("bodySize"), (String) row.get("bodyPreview"));
    }

    private ObjectName broker(String cluster) {
        return name("type=Broker,cluster=" + quoteIfNeeded(cluster));
    }

    private static ObjectName destinationName(String cluster, String kind, String destination) {
        if (!"queue".equals(kind) && !"topic".equals(kind)) {
            throw new IllegalArgumentException("kind must be queue or topic, not " + kind);
        }
        return name("type=Destination,cluster=" + quoteIfNeeded(cluster) + ",kind=" + kind + ",name="
                + ObjectName.quote(destination));
    }

    private Object attribute(ObjectName n, String attribute) {
        try {
            return server.getAttribute(n, attribute);
        } catch (JMException | RuntimeMBeanException e) {
            throw failed(n, attribute, e);
        }
    }

    private Object invoke(ObjectName n, String operation, Object[] arguments, String[] signature) {
        try {
            return server.invoke(n, operation, arguments, signature);
        } catch (JMException | RuntimeMBeanException e) {
            throw failed(n, operation, e);
        }
    }

    /** The provider's own message (it says what to fix), whatever JMX wrapped it in. */
    private static ConsoleException failed(ObjectName n, String what, Exception e) {
        if (e instanceof InstanceNotFoundException) {
            return new ConsoleException("no such broker or destination: " + n, e);
        }
        Throwable cause = e;
        while ((cause instanceof MBeanException || cause instanceof RuntimeMBeanException
                || cause instanceof ReflectionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() != null ? cause.getMessage() : cause.toString();
        String target = n.getKeyProperty("name") != null ? ObjectName.unquote(n.getKeyProperty("name"))
                : "cluster " + unquote(n.getKeyProperty("cluster"));
        return new ConsoleException(what + " on " + target + ": " + message, e);
    }

    private static ObjectName name(String properties) {
        try {
            return new ObjectName(DOMAIN + ":" + properties);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** As the provider names clusters: as is when plain, quoted otherwise. */
    private static String quoteIfNeeded(String text) {
        return text.matches("[A-Za-z0-9._-]+") ? text : ObjectName.quote(text);
    }

    private static String unquote(String value) {
        return value.startsWith("\"") ? ObjectName.unquote(value) : value;
    }
}
