package io.hazeljms.jms;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The provider uses the store through its port ({@code Broker} and its parts) only: no provider class imports
 * the store's internals, which may change with the store (its per-destination state, its entry processors, its
 * Hazelcast-internal hot path).
 */
class StorePortOnlyTest {

    private static final Pattern INTERNAL = Pattern.compile("import\\s+(static\\s+)?io\\.hazeljms\\.store\\."
            + "(DestinationState\\b|processor\\.|hazelcastinternal\\.).*");

    @Test
    void noProviderClassImportsStoreInternals() throws IOException {
        List<Path> sources;
        // from the repository root: the suite also runs from hazelcast-next-tests/
        Path provider = Path.of("").toAbsolutePath().getParent().resolve("jms-provider/src/main/java");
        try (Stream<Path> walk = Files.walk(provider)) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertFalse(sources.isEmpty());
        List<String> offenders = sources.stream().filter(StorePortOnlyTest::importsInternals).map(Path::toString)
                .toList();
        assertEquals(List.of(), offenders, "these import store internals");
    }

    private static boolean importsInternals(Path source) {
        try {
            return Files.readAllLines(source).stream().anyMatch(l -> INTERNAL.matcher(l).matches());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
