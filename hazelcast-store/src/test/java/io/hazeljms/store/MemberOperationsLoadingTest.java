package io.hazeljms.store;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client never loads a class of {@code io.hazeljms.store.hazelcastinternal}: the store's classes are loaded
 * afresh by a class loader that records them, a client Broker makes a round trip, and the record is checked.
 * The same round trip on a member must load them (otherwise the record proves nothing).
 */
class MemberOperationsLoadingTest {

    private static final String INTERNAL_PACKAGE = "io.hazeljms.store.hazelcastinternal.";

    @Test
    void aClientBrokerLoadsNoMemberOperationClass() throws Exception {
        try (TestCluster cluster = TestCluster.start(1); RecordingLoader loader = new RecordingLoader()) {
            assertEquals("m", loader.run(cluster.name()));
            assertTrue(loader.loaded.contains(Broker.class.getName()), "the store's classes were recorded");
            assertEquals(List.of(), loader.loaded.stream().filter(n -> n.startsWith(INTERNAL_PACKAGE)).sorted().toList(),
                    "member-operation classes loaded on a client");
        }
    }

    @Test
    void aMemberBrokerLoadsThem() throws Exception {
        try (RecordingLoader loader = new RecordingLoader()) {
            assertEquals("m", loader.run("member"));
            assertTrue(loader.loaded.contains(INTERNAL_PACKAGE + "ParkingClaimOperation"), "loaded: " + loader.loaded);
        }
    }

    /** Loads our classes (store and its tests) itself, child first, and records their names; the rest from its parent. */
    private static final class RecordingLoader extends URLClassLoader {
        private final Set<String> loaded = ConcurrentHashMap.newKeySet();

        RecordingLoader() {
            super(new URL[] {location(Broker.class), location(StoreRoundTrip.class)},
                    MemberOperationsLoadingTest.class.getClassLoader());
        }

        private static URL location(Class<?> type) {
            return type.getProtectionDomain().getCodeSource().getLocation();
        }

        @SuppressWarnings("unchecked")
        String run(String input) throws ReflectiveOperationException {
            Class<?> scenario = loadClass(StoreRoundTrip.class.getName());
            assertTrue(scenario != StoreRoundTrip.class, "the scenario runs on freshly loaded classes");
            return ((Function<String, String>) scenario.getConstructor().newInstance()).apply(input);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.hazeljms.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                    loaded.add(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        public void close() throws IOException {
            super.close();
        }
    }
}
