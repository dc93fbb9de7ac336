package io.hazeljms.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Synchronous sends from several threads to one queue overlap and are combined into shared store calls; every
 * message is stored once, and each thread's messages keep their order.
 */
class ConcurrentSendTest {

    private static final int THREADS = 4;
    private static final int PER_THREAD = 500;

    private TestCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void overlappingSendsFromManyThreadsAreAllStoredOnceAndInEachThreadsOrder() throws Exception {
        cluster = TestCluster.start(2);
        Broker broker = new Broker(cluster.member(0), DestinationSettings.defaults());
        DestinationKey queue = DestinationKey.queue("combined-" + UUID.randomUUID());
        broker.administration().createDestination(queue, DestinationSettings.defaults());
        broker.messages().send(queue, BrokerTest.message("first", 4)); // known from now on: the combined path
        List<CompletableFuture<Void>> senders = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            senders.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < PER_THREAD; i++) {
                    assertEquals(1, broker.messages().send(queue, BrokerTest.message(thread + "-" + i, 4)).added());
                }
            }, r -> new Thread(r, "sender-" + thread).start()));
        }
        CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        assertEquals(1 + THREADS * PER_THREAD, broker.administration().depth(queue));

        LeaseOwner owner = new LeaseOwner("elsewhere-" + UUID.randomUUID(), "conn", "session");
        Map<String, Integer> lastSeen = new HashMap<>();
        int received = 0;
        List<StoredMessage> batch;
        while (!(batch = broker.messages().claim(Address.queue(queue), null, owner, 100, List.of()).messages()).isEmpty()) {
            for (StoredMessage m : batch) {
                received++;
                if (m.messageId().equals("first")) {
                    continue;
                }
                String[] parts = m.messageId().split("-");
                int previous = lastSeen.getOrDefault(parts[0], -1);
                assertEquals(previous + 1, Integer.parseInt(parts[1]), "order of sender " + parts[0]);
                lastSeen.put(parts[0], previous + 1);
            }
        }
        assertEquals(1 + THREADS * PER_THREAD, received);
    }
}
