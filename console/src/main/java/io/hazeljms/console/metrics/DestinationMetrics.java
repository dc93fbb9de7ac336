package io.hazeljms.console.metrics;

import io.hazeljms.console.jmx.BrokerBeans;
import io.hazeljms.console.jmx.DestinationFigures;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes the brokers' figures to MicroProfile Metrics ({@code /metrics} on Payara): per destination the
 * gauges of {@link Figure}, per cluster {@code hazeljms_cluster_members}. A managed timer reads the MBeans every
 * {@link #REFRESH_SECONDS} s, registers the gauges of new destinations and removes those of deleted ones; the
 * gauges answer from that reading, so a scrape never waits on the cluster.
 */
@ApplicationScoped
public class DestinationMetrics {

    private static final Logger LOG = Logger.getLogger(DestinationMetrics.class.getName());
    static final long REFRESH_SECONDS = 2;
    static final String MEMBERS = "hazeljms_cluster_members";

    @Inject
    MetricRegistry registry;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final BrokerBeans beans = BrokerBeans.platform();
    /** The last reading, per destination (cluster, kind, name) and per cluster; replaced whole. */
    private volatile Map<Destination, DestinationFigures> figures = Map.of();
    private volatile Map<String, Integer> members = Map.of();
    private final Set<MetricID> registered = new HashSet<>();
    private ScheduledFuture<?> refreshing;

    record Destination(String cluster, String kind, String name) {
        Tag[] tags() {
            return new Tag[] {new Tag("cluster", cluster), new Tag("kind", kind), new Tag("destination", name)};
        }
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        refreshing = scheduler.scheduleWithFixedDelay(this::refreshQuietly, 0, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (refreshing != null) {
            refreshing.cancel(false);
        }
        synchronized (registered) {
            registered.forEach(registry::remove);
            registered.clear();
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "reading the HazelJMS MBeans for /metrics", e); // the next turn tries again
        }
    }

    void refresh() {
        Map<Destination, DestinationFigures> read = new HashMap<>();
        Map<String, Integer> memberCounts = new HashMap<>();
        for (String cluster : beans.clusters()) {
            memberCounts.put(cluster, beans.members(cluster).size());
            for (DestinationFigures d : beans.destinations(cluster)) {
                read.put(new Destination(cluster, d.kind(), d.name()), d);
            }
        }
        figures = read;
        members = memberCounts;
        synchronized (registered) {
            Set<MetricID> wanted = new HashSet<>();
            memberCounts.keySet().forEach(cluster -> wanted.add(clusterGauge(cluster)));
            read.keySet().forEach(d -> {
                for (Figure f : Figure.values()) {
                    wanted.add(destinationGauge(d, f));
                }
            });
            registered.removeIf(id -> {
                if (!wanted.contains(id)) {
                    registry.remove(id);
                    return true;
                }
                return false;
            });
        }
    }

    private MetricID clusterGauge(String cluster) {
        MetricID id = new MetricID(MEMBERS, new Tag("cluster", cluster));
        if (registered.add(id)) {
            registry.gauge(Metadata.builder().withName(MEMBERS).withDescription("members of the HazelJMS cluster")
                    .build(), cluster, c -> members.getOrDefault(c, 0), id.getTagsAsArray());
        }
        return id;
    }

    private MetricID destinationGauge(Destination d, Figure f) {
        MetricID id = new MetricID(f.metricName, d.tags());
        if (registered.add(id)) {
            registry.gauge(Metadata.builder().withName(f.metricName).withDescription(f.description).build(), d,
                    key -> {
                        DestinationFigures current = figures.get(key);
                        return current == null ? 0.0 : f.value.applyAsDouble(current);
                    }, id.getTagsAsArray());
        }
        return id;
    }
}
