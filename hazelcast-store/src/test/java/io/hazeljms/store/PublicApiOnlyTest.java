package io.hazeljms.store;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hazelcast's internals (its {@code internal} and {@code impl} packages) change between versions, so only one
 * package may use them: {@code io.hazeljms.store.operation}. This fails the build when any other production
 * source of the store, the provider or the resource adapter imports one.
 */
class PublicApiOnlyTest {

    private static final Pattern INTERNAL = Pattern.compile(
            "^import\\s+(static\\s+)?com\\.hazelcast\\.(internal\\.|[\\w.]*\\.impl\\.|[\\w.]*\\.impl;)",
            Pattern.MULTILINE);
    private static final String ALLOWED = "io/hazeljms/store/operation/".replace('/', java.io.File.separatorChar);

    @Test
    void onlyTheOperationPackageImportsHazelcastInternals() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> sources = new ArrayList<>();
        for (String module : List.of("hazelcast-store", "jms-provider", "resource-adapter")) {
            Path dir = root.resolve(module).resolve("src/main/java");
            assertTrue(Files.isDirectory(dir), "sources of " + module + " at " + dir);
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
            }
        }
        List<String> offenders = new ArrayList<>();
        for (Path source : sources) {
            if (source.toString().contains(ALLOWED)) {
                continue;
            }
            try {
                if (INTERNAL.matcher(Files.readString(source)).find()) {
                    offenders.add(root.relativize(source).toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertTrue(sources.size() > 100, "found the sources: " + sources.size());
        assertEquals(List.of(), offenders, "Hazelcast internals imported outside io.hazeljms.store.operation");
    }
}
