package io.hazeljms.console.health;

import io.hazeljms.console.jmx.BrokerBeans;
import io.hazeljms.console.jmx.DestinationFigures;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The judgement behind {@code /health}, from the HazelJMS MBeans of this JVM, each read within {@link #bound} (a
 * hung cluster answers DOWN in time instead of hanging the probe):
 * <ul>
 *   <li>live: every broker answers its members' read (a broker that cannot is stuck, and a restart may help);
 *       with no broker in the JVM it is live (a restart would not add one);</li>
 *   <li>ready: a broker is there, its cluster has members, the store answers a read of every destination's
 *       figures, and no destination is full (sends to it are refused).</li>
 * </ul>
 */
public final class BrokerHealth {

    static final String LIVENESS = "hazeljms-broker";
    static final String READINESS = "hazeljms-store";

    private final BrokerBeans beans;
    private final ExecutorService executor;
    private final Duration bound;

    public BrokerHealth(BrokerBeans beans, ExecutorService executor, Duration bound) {
        this.beans = beans;
        this.executor = executor;
        this.bound = bound;
    }

    public HealthCheckResponse liveness() {
        Map<String, Object> data = new LinkedHashMap<>();
        try {
            List<String> clusters = bounded(beans::clusters);
            data.put("brokers", clusters.size());
            for (String cluster : clusters) {
                data.put("members." + cluster, bounded(() -> beans.members(cluster)).size());
            }
            return response(LIVENESS, true, data);
        } catch (Unanswered e) {
            data.put("reason", e.getMessage());
            return response(LIVENESS, false, data);
        }
    }

    public HealthCheckResponse readiness() {
        Map<String, Object> data = new LinkedHashMap<>();
        try {
            List<String> clusters = bounded(beans::clusters);
            if (clusters.isEmpty()) {
                data.put("reason", "no HazelJMS broker in this JVM: deploy the resource adapter (hazeljms-ra.rar)"
                        + " on this server, or start the provider in it");
                return response(READINESS, false, data);
            }
            String reason = null;
            for (String cluster : clusters) {
                int members = bounded(() -> beans.members(cluster)).size();
                List<DestinationFigures> destinations = bounded(() -> beans.destinations(cluster));
                List<String> full = destinations.stream().filter(DestinationFigures::full)
                        .map(d -> d.kind() + ":" + d.name()).toList();
                data.put("members." + cluster, members);
                data.put("destinations." + cluster, destinations.size());
                if (!full.isEmpty()) {
                    data.put("full." + cluster, String.join(", ", full));
                }
                if (members == 0 && reason == null) {
                    reason = "cluster " + cluster + " has no members";
                } else if (!full.isEmpty() && reason == null) {
                    reason = "cluster " + cluster + " has full destinations, whose sends are refused: "
                            + String.join(", ", full);
                }
            }
            if (reason != null) {
                data.put("reason", reason);
            }
            return response(READINESS, reason == null, data);
        } catch (Unanswered e) {
            data.put("reason", e.getMessage());
            return response(READINESS, false, data);
        }
    }

    private <T> T bounded(Callable<T> read) {
        Future<T> future = executor.submit(read);
        try {
            return future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new Unanswered("the broker did not answer within " + bound.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new Unanswered(String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unanswered("interrupted while reading the broker");
        }
    }

    private static HealthCheckResponse response(String name, boolean up, Map<String, Object> data) {
        return new HealthCheckResponse(name, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(data));
    }

    /** A read that failed or did not answer in time: the check's DOWN reason. */
    private static final class Unanswered extends RuntimeException {
        Unanswered(String message) {
            super(message, null, false, false);
        }
    }
}
