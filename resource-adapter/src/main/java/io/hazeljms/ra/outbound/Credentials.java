package io.hazeljms.ra.outbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The user name and password a managed connection logs in with (JCA 2.1 chapter 9): from the application
 * ({@code createConnection(user, password)}), from the container (a {@code PasswordCredential} in the Subject), or
 * the connection factory's own {@code userName}/{@code password}. {@link #NONE} logs in without credentials (the
 * adapter's {@code defaultUser}, if any). Two managed connections serve the same identity only when both name and
 * password are equal, so a pooled connection is never handed to a request that merely claims its user. The
 * password is never shown.
 */
record Credentials(String userName, String password) {

    static final Credentials NONE = new Credentials(null, null);

    /** The credentials of a user name and password, or {@link #NONE} when no user is named. */
    static Credentials of(String userName, String password) {
        return userName == null || userName.isBlank() ? NONE : new Credentials(userName, password);
    }

    boolean given() {
        return userName != null;
    }

    /** Compares the passwords in constant time: a pooled connection's match leaks nothing about its password. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials other && Objects.equals(userName, other.userName)
                && MessageDigest.isEqual(bytes(password), bytes(other.password))
                && (password == null) == (other.password == null);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(userName); // not the password: equal names land together, equals decides
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return given() ? "user '" + userName + "'" : "no credentials";
    }
}
