package io.hazeljms.ra.outbound;

import jakarta.resource.spi.ConnectionRequestInfo;

/**
 * What the application asked for when it created a session: the session's mode (used only outside a JTA
 * transaction) and the credentials it gave ({@link Credentials#NONE}: none; the container's or the factory's
 * apply). The pool matches managed connections by it, so equality covers the credentials; the password is never
 * shown.
 */
record SessionRequest(boolean transacted, int acknowledgeMode, Credentials credentials) implements ConnectionRequestInfo {

    SessionRequest {
        credentials = credentials == null ? Credentials.NONE : credentials;
    }

    SessionRequest(boolean transacted, int acknowledgeMode) {
        this(transacted, acknowledgeMode, Credentials.NONE);
    }

    @Override
    public String toString() {
        return "SessionRequest[transacted=" + transacted + ", acknowledgeMode=" + acknowledgeMode + ", " + credentials
                + "]";
    }
}
