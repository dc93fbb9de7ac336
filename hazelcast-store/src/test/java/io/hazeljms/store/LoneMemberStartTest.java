package io.hazeljms.store;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A lone member skips the join round; members that start later, or at the same instant, still find each other. */
class LoneMemberStartTest {

    private final List<HazelcastInstance> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(hz -> hz.getLifecycleService().terminate());
    }

    @Test
    void aLoneMemberJoinsWithoutTheRoundAndGetsItsListBack() {
        Logger logger = Logger.getLogger(LoneMemberStart.class.getName());
        List<String> skipped = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                skipped.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level level = logger.getLevel();
        logger.setLevel(Level.FINE);
        logger.addHandler(handler);
        try {
            // a range of its own: other builds on this machine may run members on the test cluster's ports
            int base = 40_000 + ThreadLocalRandom.current().nextInt(2_000) * 10;
            List<String> listed = new ArrayList<>();
            for (int port = base; port < base + 5; port++) {
                listed.add("127.0.0.1:" + port);
            }
            Config config = TestCluster.start(0).memberConfig();
            config.getNetworkConfig().setPort(base).setPortCount(5).getJoin().getTcpIpConfig().setMembers(listed);
            start(config);
            assertEquals(1, skipped.size(), "the member should have skipped the join round: " + skipped);
            assertEquals(listed, config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers(),
                    "the full member list is back once the member started");
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(level);
        }
    }

    @Test
    void aMemberStartedLaterJoinsTheFirst() {
        TestCluster cluster = TestCluster.start(0);
        HazelcastInstance first = start(cluster.memberConfig());
        HazelcastInstance second = start(cluster.memberConfig());
        awaitSize(2, first, second);
    }

    @Test
    void membersStartedAtTheSameInstantFormOneCluster() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 2; round++) {
                TestCluster cluster = TestCluster.start(0);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<HazelcastInstance>> members = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    Config config = cluster.memberConfig();
                    members.add(threads.submit(() -> {
                        together.await();
                        return start(config);
                    }));
                }
                awaitSize(2, members.get(0).get(60, TimeUnit.SECONDS), members.get(1).get(60, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void onlyLiteralAddressesOfThisMachineAreProbed() throws Exception {
        assertTrue(LoneMemberStart.localAddress("127.0.0.1:5701").isPresent());
        assertTrue(LoneMemberStart.localAddress("[::1]:5701").isPresent());
        assertFalse(LoneMemberStart.localAddress("127.0.0.1").isPresent(), "no port: Hazelcast tries a range");
        assertFalse(LoneMemberStart.localAddress("localhost:5701").isPresent(), "a name needs a lookup");
        assertFalse(LoneMemberStart.localAddress("192.0.2.1:5701").isPresent(), "another host (TEST-NET-1)");
    }

    private HazelcastInstance start(Config config) {
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(config);
        started.add(hz);
        return hz;
    }

    private static void awaitSize(int size, HazelcastInstance... members) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (HazelcastInstance m : members) {
            while (m.getCluster().getMembers().size() != size) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("expected one cluster of " + size + ", " + m.getName() + " sees "
                            + m.getCluster().getMembers());
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }
}
