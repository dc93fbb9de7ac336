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
 * package may use them: {@code io.hazeljms.store.hazelcastinternal}. This fails the build when any other
 * production source of the store, the provider or the resource adapter imports one, or reaches into that package
 * other than where the store chooses its hot path and configures a member.
 */
class PublicApiOnlyTest {

    private static final Pattern INTERNAL = Pattern.compile(
            "^import\\s+(static\\s+)?com\\.hazelcast\\.(internal\\.|[\\w.]*\\.impl\\.|[\\w.]*\\.impl;)",
            Pattern.MULTILINE);
    private static final Pattern INTERNAL_PACKAGE = Pattern.compile("io\\.hazeljms\\.store\\.hazelcastinternal\\.");
    private static final String ALLOWED = "io/hazeljms/store/hazelcastinternal/".replace('/', java.io.File.separatorChar);
    /** The two doors into the package: choosing the hot path (members only), registering its serializers. */
    private static final List<String> DOORS = List.of("HotPaths.java", "StoreConfig.java");

    @Test
    void onlyTheInternalPackageImportsHazelcastInternals() {
        List<String> offenders = new ArrayList<>();
        for (Path source : sources()) {
            if (!source.toString().contains(ALLOWED) && INTERNAL.matcher(read(source)).find()) {
                offenders.add(source.toString());
            }
        }
        assertEquals(List.of(), offenders, "Hazelcast internals imported outside io.hazeljms.store.hazelcastinternal");
    }

    @Test
    void theInternalPackageIsReachedOnlyWhereTheHotPathIsChosenAndAMemberConfigured() {
        List<String> offenders = new ArrayList<>();
        for (Path source : sources()) {
            if (!source.toString().contains(ALLOWED) && !DOORS.contains(source.getFileName().toString())
                    && INTERNAL_PACKAGE.matcher(read(source)).find()) {
                offenders.add(source.toString());
            }
        }
        assertEquals(List.of(), offenders, "io.hazeljms.store.hazelcastinternal used outside " + DOORS);
    }

    private static List<Path> sources() {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> sources = new ArrayList<>();
        for (String module : List.of("hazelcast-store", "jms-provider", "resource-adapter")) {
            Path dir = root.resolve(module).resolve("src/main/java");
            assertTrue(Files.isDirectory(dir), "sources of " + module + " at " + dir);
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertTrue(sources.size() > 100, "found the sources: " + sources.size());
        assertTrue(sources.stream().anyMatch(p -> p.toString().contains(ALLOWED)), "found the internal package");
        return sources;
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
