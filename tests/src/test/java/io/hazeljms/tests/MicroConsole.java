package io.hazeljms.tests;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that keeps a copy of everything the test JVM writes to {@code System.out}, so a test can
 * read the console output of the Payara Micro process that the Arquillian connector started: the connector
 * echoes every line Micro prints with {@code System.out.println} (failsafe then stores it in
 * {@code target/failsafe-reports/<TestClass>-output.txt}).
 *
 * <p>Register it <em>before</em> {@code ArquillianExtension}, since Arquillian starts Micro in its own
 * {@code beforeAll}:
 * <pre>{@code
 * @ExtendWith(MicroConsole.class)
 * @ExtendWith(ArquillianExtension.class)
 * class SomeIT { ... MicroConsole.text() ... }
 * }</pre>
 * Inside the container (in-container test methods run there through the same extensions) it does nothing.
 */
public final class MicroConsole implements BeforeAllCallback {

    private static final ByteArrayOutputStream COPY = new ByteArrayOutputStream();
    private static boolean installed;

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
    }

    /** Starts copying {@code System.out}; idempotent, and a no-op inside Payara. */
    public static synchronized void install() {
        if (installed || System.getProperty("com.sun.aas.instanceRoot") != null) {
            return;
        }
        PrintStream original = System.out;
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (COPY) {
                    COPY.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (COPY) {
                    COPY.write(b, off, len);
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        }, true, StandardCharsets.UTF_8));
        installed = true;
    }

    /** Everything written to {@code System.out} since {@link #install()}. */
    public static String text() {
        synchronized (COPY) {
            return COPY.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * Position in {@link #text()} of the line where Payara reports {@code appName} deployed
     * ({@code "<appName> was successfully deployed"}), or -1. A RAR's application name is its file name
     * without {@code .rar}; an Arquillian WAR's is the archive name without {@code .war}.
     */
    public static int deployedAt(String appName) {
        return text().lastIndexOf(appName + " was successfully deployed");
    }
}
