package io.hazeljms.jms.security;

import io.hazeljms.jms.ProviderError;
import jakarta.jms.JMSSecurityException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The built-in authenticator: users, their password hashes ({@link PasswordHash}) and roles, one entry
 * {@code user:hash:role,role} per line (a file, {@code #} starts a comment) or per {@code ;} (inline).
 */
public final class UserList implements Authenticator {

    private record User(String hash, Set<String> roles) {
    }

    private final Map<String, User> users;
    /** Per user, a fast digest of the last password that passed, so a pool opening connections hashes once. */
    private final Map<String, byte[]> lastAccepted = new ConcurrentHashMap<>();

    private UserList(Map<String, User> users) {
        this.users = Map.copyOf(users);
    }

    /**
     * The users of {@code text}; {@code source} names where it came from in the message of a bad entry.
     *
     * @throws IllegalArgumentException naming the first bad entry and what is wrong with it
     */
    public static UserList parse(String text, String source) {
        Map<String, User> users = new LinkedHashMap<>();
        for (String entry : entries(text)) {
            String[] parts = entry.split(":", -1);
            if (parts.length < 2 || parts.length > 3 || parts[0].isBlank()) {
                throw new IllegalArgumentException(source + ": entry '" + entry
                        + "' is not user:passwordHash[:role,role]");
            }
            String user = parts[0].trim();
            String hash = parts[1].trim();
            if (!PasswordHash.isHash(hash)) {
                throw new IllegalArgumentException(source + ": the password of user '" + user + "' is not a "
                        + PasswordHash.SCHEME + " hash (make one with java -cp <hazeljms-jms-provider jar> "
                        + PasswordHash.class.getName() + ")");
            }
            if (users.containsKey(user)) {
                throw new IllegalArgumentException(source + ": user '" + user + "' is listed twice");
            }
            Set<String> roles = parts.length == 3 ? csv(parts[2]) : Set.of();
            users.put(user, new User(hash, roles));
        }
        return new UserList(users);
    }

    static List<String> entries(String text) {
        return Arrays.stream(text.split("[;\\n\\r]"))
                .map(line -> line.startsWith("#") || line.trim().startsWith("#") ? "" : line.trim())
                .filter(line -> !line.isEmpty()).toList();
    }

    static Set<String> csv(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Identity authenticate(String user, String password) throws JMSSecurityException {
        User known = users.get(user);
        if (known == null || password == null) {
            throw refused(user);
        }
        byte[] quick = quickDigest(known.hash, password);
        byte[] last = lastAccepted.get(user);
        if (last == null || !MessageDigest.isEqual(last, quick)) {
            if (!PasswordHash.matches(password, known.hash)) {
                throw refused(user);
            }
            lastAccepted.put(user, quick);
        }
        return new Identity(user, known.roles);
    }

    private static JMSSecurityException refused(String user) {
        // The same words whether the user is unknown or the password wrong: no hint which.
        return new JMSSecurityException(ProviderError.AUTHENTICATION_FAILED.text(user),
                ProviderError.AUTHENTICATION_FAILED.id());
    }

    private static byte[] quickDigest(String hash, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(hash.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
