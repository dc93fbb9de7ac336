package io.hazeljms.console.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** {@code /health/live}: see {@link BrokerHealth#liveness}. */
@Liveness
@ApplicationScoped
public class BrokerLiveness implements HealthCheck {

    @Inject
    HealthChecks checks;

    @Override
    public HealthCheckResponse call() {
        return checks.health().liveness();
    }
}
