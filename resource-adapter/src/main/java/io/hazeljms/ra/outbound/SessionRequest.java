package io.hazeljms.ra.outbound;

import jakarta.resource.spi.ConnectionRequestInfo;

/** What the application asked for when it created a session (used only outside a JTA transaction). */
record SessionRequest(boolean transacted, int acknowledgeMode) implements ConnectionRequestInfo {
}
