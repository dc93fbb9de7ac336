package io.hazeljms.tests.app;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** What the message-driven beans saw, for the tests to read over REST. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Recorder {

    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger maxInside = new AtomicInteger();
    private final CountDownLatch overlap = new CountDownLatch(2);

    public void record(String key, String value) {
        received.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(value);
    }

    public List<String> get(String key) {
        return received.getOrDefault(key, List.of());
    }

    /** A slow delivery: waits (bounded) for a second concurrent one, to show deliveries overlap. */
    public void concurrentWork() {
        maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
        overlap.countDown();
        try {
            overlap.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inside.decrementAndGet();
        }
    }

    public int maxConcurrency() {
        return maxInside.get();
    }
}
