package io.hazeljms.jms.client;

/**
 * Remembers which session a thread is delivering to a MessageListener for, so that calls the spec forbids
 * from inside a listener (stopping or closing its own connection or session) are refused instead of
 * deadlocking.
 */
final class ListenerThreads {

    private static final ThreadLocal<HazelcastSession> DELIVERING = new ThreadLocal<>();

    private ListenerThreads() {
    }

    static void enter(HazelcastSession session) {
        DELIVERING.set(session);
    }

    static void exit() {
        DELIVERING.remove();
    }

    static boolean isDeliveringFor(HazelcastSession session) {
        return DELIVERING.get() == session;
    }

    static boolean isDeliveringFor(HazelcastConnection connection) {
        HazelcastSession session = DELIVERING.get();
        return session != null && session.connection() == connection;
    }
}
