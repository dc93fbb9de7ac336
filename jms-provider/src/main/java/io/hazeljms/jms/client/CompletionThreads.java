package io.hazeljms.jms.client;

/**
 * Remembers which session a thread is running a CompletionListener for: such a callback must not close or
 * commit its own session or connection (spec 7.3.8), and is refused with IllegalStateException.
 */
final class CompletionThreads {

    private static final ThreadLocal<HazelcastSession> COMPLETING = new ThreadLocal<>();

    private CompletionThreads() {
    }

    static void enter(HazelcastSession session) {
        COMPLETING.set(session);
    }

    static void exit() {
        COMPLETING.remove();
    }

    static boolean isCompletingFor(HazelcastSession session) {
        return COMPLETING.get() == session;
    }

    static boolean isCompletingFor(HazelcastConnection connection) {
        HazelcastSession session = COMPLETING.get();
        return session != null && session.connection() == connection;
    }
}
