package io.hazeljms.sample.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API under {@code /api}; the page is {@code index.html} next to it. */
@ApplicationPath("api")
public class SampleApplication extends Application {
}
