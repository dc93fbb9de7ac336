package io.hazeljms.jms.management;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.jms.destination.HazelcastDestination;
import io.hazeljms.jms.destination.HazelcastQueue;
import io.hazeljms.jms.destination.HazelcastTopic;
import io.hazeljms.store.DestinationKey;
import jakarta.jms.JMSException;

import javax.management.InstanceAlreadyExistsException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The MBeans of one cluster in this JVM's platform MBean server: one {@link BrokerMXBean} and one
 * {@link DestinationMXBean} per queue and topic (temporary ones excluded: they come and go with connections).
 * Registered when a connection factory's node starts (setting {@code jmx}, default true) and unregistered when
 * the last node of that cluster in this JVM closes: several factories on one cluster share the MBeans, which act
 * through the first of them still open. Destination MBeans follow the destinations: a timer every
 * {@link #REFRESH_SECONDS} s (and any read of the broker's {@code Destinations}) registers new ones and
 * unregisters deleted ones, at most {@link #MAX_DESTINATION_BEANS}. Operations act as the JVM's operator
 * ({@link ManagementGuard#OPERATOR}); their failures reach JMX clients as {@link IllegalStateException} with the
 * error's text, so a remote console needs no JMS classes.
 */
public final class ManagementBeans {

    private static final Logger LOG = Logger.getLogger(ManagementBeans.class.getName());
    public static final String DOMAIN = "io.hazeljms";
    static final long REFRESH_SECONDS = 5;
    /** Most destination MBeans per cluster and JVM: bounds the refresh's work and the MBean server's size. */
    static final int MAX_DESTINATION_BEANS = 1_000;

    /** Per cluster name: its beans in this JVM. */
    private static final Map<String, ManagementBeans> BY_CLUSTER = new HashMap<>();

    private final String cluster;
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final List<BrokerManagement> sources = new ArrayList<>();
    private final Map<DestinationKey, ObjectName> destinationBeans = new HashMap<>();
    private ObjectName brokerName;
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> refreshing;

    private ManagementBeans(String cluster) {
        this.cluster = cluster;
    }

    /** Registers (or joins) the MBeans of the management's cluster; close the handle when its node closes. */
    public static AutoCloseable register(BrokerManagement management) {
        String cluster = management.clusterName();
        ManagementBeans beans;
        synchronized (BY_CLUSTER) {
            beans = BY_CLUSTER.computeIfAbsent(cluster, ManagementBeans::new);
            beans.add(management);
        }
        ManagementBeans registered = beans;
        return () -> {
            synchronized (BY_CLUSTER) {
                if (registered.remove(management)) {
                    BY_CLUSTER.remove(cluster, registered);
                }
            }
        };
    }

    /** The broker MBean's name for a cluster. */
    public static ObjectName brokerName(String cluster) {
        return name("type=Broker,cluster=" + value(cluster));
    }

    /** A destination MBean's name: {@code kind} {@code queue} or {@code topic}. */
    public static ObjectName destinationName(String cluster, String kind, String destination) {
        return name("type=Destination,cluster=" + value(cluster) + ",kind=" + kind + ",name="
                + ObjectName.quote(destination));
    }

    private static ObjectName name(String properties) {
        try {
            return new ObjectName(DOMAIN + ":" + properties);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A cluster name as an ObjectName value: as is when plain, quoted otherwise. */
    private static String value(String text) {
        return text.matches("[A-Za-z0-9._-]+") ? text : ObjectName.quote(text);
    }

    private synchronized void add(BrokerManagement management) {
        sources.add(management);
        if (sources.size() == 1) {
            brokerName = brokerName(cluster);
            registerBean(new BrokerBean(), brokerName);
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "hazeljms-jmx-" + cluster);
                t.setDaemon(true);
                return t;
            });
            // the first turn too waits its period: at once it would compete with the node's start for the CPU
            refreshing = timer.scheduleWithFixedDelay(this::refreshQuietly, REFRESH_SECONDS, REFRESH_SECONDS,
                    TimeUnit.SECONDS);
        }
    }

    /** @return true when it was the last source: everything is unregistered */
    private synchronized boolean remove(BrokerManagement management) {
        sources.remove(management);
        if (!sources.isEmpty()) {
            return false;
        }
        refreshing.cancel(false);
        timer.shutdownNow();
        for (ObjectName n : destinationBeans.values()) {
            unregisterBean(n);
        }
        destinationBeans.clear();
        unregisterBean(brokerName);
        return true;
    }

    private synchronized BrokerManagement current() {
        if (sources.isEmpty()) {
            throw new IllegalStateException("no open HazelJMS node of cluster " + cluster + " in this JVM");
        }
        return sources.get(0);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "refreshing the destination MBeans of " + cluster, e); // next turn tries again
        }
    }

    /** Registers MBeans of new destinations and unregisters those of deleted ones; returns the names seen. */
    synchronized Set<DestinationKey> refresh() {
        if (sources.isEmpty()) {
            return Set.of();
        }
        Set<DestinationKey> keys = new TreeSet<>(java.util.Comparator.comparing(DestinationKey::encode));
        for (DestinationKey key : current().destinationKeys()) {
            if (!key.isTemporary()) {
                keys.add(key);
            }
        }
        destinationBeans.entrySet().removeIf(e -> {
            if (!keys.contains(e.getKey())) {
                unregisterBean(e.getValue());
                return true;
            }
            return false;
        });
        for (DestinationKey key : keys) {
            if (destinationBeans.size() >= MAX_DESTINATION_BEANS) {
                break;
            }
            if (!destinationBeans.containsKey(key)) {
                ObjectName n = destinationName(cluster, key.isQueue() ? "queue" : "topic", key.name());
                if (registerBean(new DestinationBean(key), n)) {
                    destinationBeans.put(key, n);
                }
            }
        }
        return keys;
    }

    private boolean registerBean(Object bean, ObjectName n) {
        try {
            server.registerMBean(bean, n);
            return true;
        } catch (InstanceAlreadyExistsException e) {
            // another copy of the provider (another class loader, e.g. a second adapter) serves this cluster's
            // MBeans: the same figures, so this one leaves them to it and tries again at the next refresh
            return false;
        } catch (Exception e) {
            LOG.log(Level.WARNING, ProviderError.JMX_REGISTRATION_FAILED.text(n, e), e);
            return false;
        }
    }

    private void unregisterBean(ObjectName n) {
        try {
            if (n != null && server.isRegistered(n)) {
                server.unregisterMBean(n);
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, ProviderError.JMX_REGISTRATION_FAILED.text(n, e), e);
        }
    }

    /** Runs a management call for a JMX client: a JMS failure becomes an IllegalStateException with its text. */
    private <T> T call(JmsCall<T> call) {
        try {
            return call.run(current());
        } catch (JMSException e) {
            throw new IllegalStateException(e.getMessage());
        }
    }

    @FunctionalInterface
    private interface JmsCall<T> {
        T run(BrokerManagement management) throws JMSException;
    }

    private final class BrokerBean implements BrokerMXBean {

        @Override
        public String getClusterName() {
            return cluster;
        }

        @Override
        public String[] getMembers() {
            return call(BrokerManagement::members).stream()
                    .map(m -> m.uuid() + " " + m.address() + " " + m.version() + (m.lite() ? " lite" : ""))
                    .toArray(String[]::new);
        }

        @Override
        public int getMemberCount() {
            return call(BrokerManagement::members).size();
        }

        @Override
        public String[] getDestinations() {
            return refresh().stream().map(DestinationKey::encode).toArray(String[]::new);
        }

        @Override
        public void refreshDestinations() {
            refresh();
        }

        @Override
        public int purge(String queue) {
            return call(m -> m.purge(new HazelcastQueue(queue)));
        }

        @Override
        public boolean deleteDestination(String kind, String name) {
            boolean deleted = call(m -> m.deleteDestination("topic".equals(kind) ? new HazelcastTopic(name)
                    : new HazelcastQueue(name)));
            refresh();
            return deleted;
        }
    }

    private final class DestinationBean implements DestinationMXBean {

        private final DestinationKey key;
        private DestinationInfo cached;
        private long cachedAt;

        DestinationBean(DestinationKey key) {
            this.key = key;
        }

        private HazelcastDestination destination() {
            return HazelcastDestination.decode(key.encode());
        }

        private HazelcastQueue queue() {
            return new HazelcastQueue(key.name());
        }

        /** The figures, read at most once per half second; zeros once the destination is gone. */
        private synchronized DestinationInfo info() {
            long now = System.currentTimeMillis();
            if (cached == null || now - cachedAt >= 500) {
                DestinationInfo read = call(m -> m.destination(destination()));
                cached = read != null ? read : new DestinationInfo(kind(), key.name(), false, 0, 0, 0, 0, 0, 0, 0,
                        0, 0, 0, 0, 0, 0, 0, 0, 0);
                cachedAt = now;
            }
            return cached;
        }

        private synchronized void changed() {
            cached = null;
        }

        private String kind() {
            return key.isQueue() ? "queue" : "topic";
        }

        @Override public String getKind() { return kind(); }
        @Override public String getName() { return key.name(); }
        @Override public long getDepth() { return info().depth(); }
        @Override public long getPending() { return info().pending(); }
        @Override public long getInFlight() { return info().inFlight(); }
        @Override public long getScheduled() { return info().scheduled(); }
        @Override public int getConsumers() { return info().consumers(); }
        @Override public int getSubscriptionCount() { return info().subscriptions(); }
        @Override public long getEnqueued() { return info().enqueued(); }
        @Override public long getAcknowledged() { return info().acknowledged(); }
        @Override public long getExpired() { return info().expired(); }
        @Override public long getDeadLettered() { return info().deadLettered(); }
        @Override public long getDuplicatesDropped() { return info().duplicatesDropped(); }
        @Override public long getBytes() { return info().bytes(); }
        @Override public int getMaxMessages() { return info().maxMessages(); }
        @Override public long getMaxBytes() { return info().maxBytes(); }
        @Override public double getEnqueueRate() { return info().enqueueRate(); }
        @Override public double getAcknowledgeRate() { return info().acknowledgeRate(); }

        @Override
        public String[] getSubscriptionNames() {
            if (key.isQueue()) {
                return new String[0];
            }
            return call(m -> m.subscriptions(new HazelcastTopic(key.name()))).stream().map(SubscriptionInfo::name)
                    .toArray(String[]::new);
        }

        @Override
        public MessageSummary[] browse(String selector, int max) {
            return call(m -> m.browse(queue(), selector == null || selector.isBlank() ? null : selector, max))
                    .stream().map(MessageSummary::of).toArray(MessageSummary[]::new);
        }

        @Override
        public int purge() {
            changed();
            return call(m -> m.purge(queue()));
        }

        @Override
        public int redriveAll() {
            changed();
            return call(m -> m.redriveAll(queue())).moved();
        }

        @Override
        public int redrive(String messageId) {
            changed();
            return call(m -> m.redrive(queue(), messageId)).moved();
        }

        @Override
        public int redriveSelected(String selector) {
            changed();
            return call(m -> m.redriveSelected(queue(), selector)).moved();
        }

        @Override
        public int moveTo(String target, String selector) {
            changed();
            return call(m -> m.move(queue(), new HazelcastQueue(target),
                    selector == null || selector.isBlank() ? null : selector)).moved();
        }

        @Override
        public boolean delete() {
            boolean deleted = call(m -> m.deleteDestination(destination()));
            refresh();
            return deleted;
        }

        @Override
        public void deleteDurableSubscription(String subscription) {
            changed();
            call(m -> {
                m.deleteDurableSubscription(new HazelcastTopic(key.name()), subscription);
                return null;
            });
        }
    }
}
