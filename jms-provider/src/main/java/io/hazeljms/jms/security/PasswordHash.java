package io.hazeljms.jms.security;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Salted PBKDF2 (HMAC-SHA256) password hashes, so a user list never holds a password: the stored form is
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (Base64). Run {@code main} to hash a password for a user list.
 */
public final class PasswordHash {

    static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's figure for PBKDF2-HMAC-SHA256; a stored hash keeps the count it was made with. */
    static final int DEFAULT_ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    /** A new salted hash of {@code password}. */
    public static String of(String password) {
        return of(password, DEFAULT_ITERATIONS);
    }

    /** With a chosen iteration count: fewer is faster to check and easier to guess (tests use few). */
    public static String of(String password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations));
    }

    /** Whether {@code stored} is in this format (checked when a user list is read). */
    static boolean isHash(String stored) {
        try {
            parse(stored);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code password} is the one {@code stored} was made from; compares in constant time. */
    static boolean matches(String password, String stored) {
        if (password == null) {
            return false;
        }
        Parsed p = parse(stored);
        return MessageDigest.isEqual(p.hash, derive(password, p.salt, p.iterations));
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("not a " + SCHEME + "$<iterations>$<salt>$<hash> password hash");
        }
        int iterations = Integer.parseInt(parts[1]);
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        return new Parsed(iterations, b64.decode(parts[2]), b64.decode(parts[3]));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Prints the hash of the password given as the argument, or read from the console without echo. */
    public static void main(String[] args) {
        String password;
        if (args.length == 1) {
            password = args[0];
        } else if (System.console() != null) {
            password = new String(System.console().readPassword("password: "));
        } else {
            System.err.println("usage: java -cp hazeljms-jms-provider.jar " + PasswordHash.class.getName()
                    + " [password]   (without an argument it asks on the console)");
            System.exit(2);
            return;
        }
        System.out.println(of(password));
    }
}
