package io.hazeljms.console.health;

import io.hazeljms.console.jmx.BrokerBeans;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;

import java.time.Duration;

/** The one {@link BrokerHealth} of the application, reading on the server's managed threads. */
@ApplicationScoped
public class HealthChecks {

    /** How long a health check waits for a broker's answer: well inside a probe's usual timeout. */
    static final Duration BOUND = Duration.ofSeconds(3);

    @Resource
    ManagedExecutorService executor;

    private BrokerHealth health;

    @PostConstruct
    void start() {
        health = new BrokerHealth(BrokerBeans.platform(), executor, BOUND);
    }

    BrokerHealth health() {
        return health;
    }
}
