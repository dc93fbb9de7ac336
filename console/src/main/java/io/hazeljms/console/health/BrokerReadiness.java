package io.hazeljms.console.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code /health/ready}: see {@link BrokerHealth#readiness}. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Inject
    HealthChecks checks;

    @Override
    public HealthCheckResponse call() {
        return checks.health().readiness();
    }
}
