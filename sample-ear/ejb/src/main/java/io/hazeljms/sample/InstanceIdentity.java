package io.hazeljms.sample;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which server instance this is, as shown next to every mail it sends. In order: the system property
 * {@code hazeljms.sample.instance}; the HTTP port Payara Micro was started with ({@code --port 8081} gives
 * {@code :8081}); the port of the first HTTP request this instance serves (see {@link #learnHttpPort(int)}); its
 * process id.
 */
public final class InstanceIdentity {

    private static final Pattern MICRO_PORT = Pattern.compile("--port\\s+(\\d+)");
    private static final String JVM = UUID.randomUUID().toString().substring(0, 8);
    private static volatile String name = fromStartup();

    private InstanceIdentity() {
    }

    private static String fromStartup() {
        String configured = System.getProperty("hazeljms.sample.instance");
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        Matcher port = MICRO_PORT.matcher(System.getProperty("sun.java.command", ""));
        return port.find() ? ":" + port.group(1) : null;
    }

    /** A short, human-readable name of this instance, e.g. {@code :8080}. */
    public static String name() {
        String current = name;
        if (current == null) {
            synchronized (InstanceIdentity.class) {
                if (name == null) {
                    name = "pid " + ProcessHandle.current().pid();
                }
                current = name;
            }
        }
        return current;
    }

    /** A random id of this JVM (tells apart two instances that share a name). */
    public static String jvmId() {
        return JVM;
    }

    /** Names the instance after the port of the HTTP request that reached it, unless it has a name already. */
    public static void learnHttpPort(int port) {
        if (name == null && port > 0) {
            synchronized (InstanceIdentity.class) {
                if (name == null) {
                    name = ":" + port;
                }
            }
        }
    }
}
