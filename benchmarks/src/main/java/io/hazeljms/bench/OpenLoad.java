package io.hazeljms.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One load on one target, open across its phases: a fresh queue with its producers and consumers, and the
 * count of messages moved so far (each phase numbers its messages after the last one's, so a stray message
 * from an earlier phase is caught as unknown).
 */
final class OpenLoad implements AutoCloseable {

    final Target target;
    final boolean persistent;
    final int producers;
    final int consumers;
    private final LoadRunner runner;
    private final PrintStream log;
    private final List<Target.Sender> senders = new ArrayList<>();
    private final List<Target.Receiver> receivers = new ArrayList<>();
    private int ids;

    OpenLoad(Target target, String queue, boolean persistent, int producers, int consumers, LoadRunner runner,
             PrintStream log) throws Exception {
        this.target = target;
        this.persistent = persistent;
        this.producers = producers;
        this.consumers = consumers;
        this.runner = runner;
        this.log = log;
        try {
            for (int i = 0; i < consumers; i++) {
                receivers.add(target.receiver(queue));
            }
            for (int i = 0; i < producers; i++) {
                senders.add(target.sender(queue, persistent));
            }
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** Moves {@code count} messages as fast as they go ({@code rate} 0) or paced at {@code rate} per second. */
    LoadRunner.Phase run(int count, double rate) throws InterruptedException {
        LoadRunner.Phase phase = runner.run(senders, receivers, ids, count, rate, rate > 0);
        ids += count;
        return phase;
    }

    @Override
    public void close() {
        closeAll(senders, log);
        closeAll(receivers, log);
    }

    /** Closes each, logging (not throwing) a failure: the load is over either way. */
    static void closeAll(List<? extends AutoCloseable> list, PrintStream log) {
        for (AutoCloseable c : list) {
            try {
                c.close();
            } catch (Exception e) {
                log.println("   (close failed: " + e + ")");
            }
        }
    }
}
