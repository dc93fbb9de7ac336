package io.hazeljms.tests.smoke;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Activates JAX-RS under {@code /api} for the smoke deployment. */
@ApplicationPath("api")
public class SmokeApplication extends Application {
}
