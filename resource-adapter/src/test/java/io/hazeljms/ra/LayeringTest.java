package io.hazeljms.ra;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The resource adapter speaks to the JMS provider only: no class of it imports the store. */
class LayeringTest {

    @Test
    void noResourceAdapterClassImportsTheStore() throws IOException {
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertFalse(sources.isEmpty());
        List<String> offenders = sources.stream().filter(LayeringTest::importsStore).map(Path::toString).toList();
        assertEquals(List.of(), offenders, "these import io.hazeljms.store.*");
    }

    private static boolean importsStore(Path source) {
        try {
            return Files.readAllLines(source).stream().anyMatch(l -> l.matches("import\\s+(static\\s+)?io\\.hazeljms\\.store\\..*"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
