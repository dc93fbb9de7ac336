package io.hazeljms.console.health;

import io.hazeljms.console.jmx.BrokerBeans;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedThreadFactory;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one {@link BrokerHealth} of the application. Its reads run on threads of this application's own
 * {@link ManagedThreadFactory}: the server calls health checks from its own endpoint, whose context a managed
 * executor would capture and refuse.
 */
@ApplicationScoped
public class HealthChecks {

    /** How long a health check waits for a broker's answer: well inside a probe's usual timeout. */
    static final Duration BOUND = Duration.ofSeconds(3);

    @Resource
    ManagedThreadFactory threads;

    private ExecutorService executor;
    private BrokerHealth health;

    @PostConstruct
    void start() {
        executor = Executors.newCachedThreadPool(threads);
        health = new BrokerHealth(BrokerBeans.platform(), executor, BOUND);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    BrokerHealth health() {
        return health;
    }
}
