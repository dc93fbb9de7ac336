package io.hazeljms.console.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The console's REST API under {@code /hazeljms-console/api}; the page ({@code index.html}) calls nothing else. */
@ApplicationPath("api")
public class ConsoleApplication extends Application {
}
