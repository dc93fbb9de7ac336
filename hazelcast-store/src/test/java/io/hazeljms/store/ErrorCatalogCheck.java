package io.hazeljms.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The checks every module's error catalog passes (an enum with {@code id()}, {@code template()} and
 * {@code action()}): ids well-formed and unique, one message per id, no error id written anywhere in the module's
 * main sources but the catalog, every id raised somewhere, and the README's table of the module's ids equal to the
 * catalog. {@code -Dhazeljms.updateReadme=true} rewrites that table instead of checking it.
 *
 * <p>Paths are taken from the repository root, the parent of the working directory: the module's own directory
 * when its suite runs, {@code hazelcast-next-tests} when that module reruns it.
 */
public final class ErrorCatalogCheck {

    /** Anything that looks like an error id, to find ids written outside the catalog. */
    private static final Pattern ANY_ID = Pattern.compile("HJMS-[A-Z]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("%(\\d+\\$)?[-#+ 0,(]*\\d*(\\.\\d+)?[a-zA-Z%]");

    private record Entry(String name, String id, String template, String action) {
    }

    private final String table;
    private final String catalogName;
    private final Path root;
    private final Path sources;
    private final Path catalogFile;
    private final Pattern idPattern;
    private final List<Entry> entries;

    /**
     * @param table     the README table's name, e.g. {@code provider}
     * @param module    the module directory, e.g. {@code jms-provider}
     * @param catalog   the catalog enum
     * @param idPattern what this module's ids look like
     */
    public ErrorCatalogCheck(String table, String module, Class<? extends Enum<?>> catalog, String idPattern) {
        this.table = table;
        this.catalogName = catalog.getSimpleName();
        this.root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        this.sources = root.resolve(module).resolve("src/main/java");
        this.catalogFile = sources.resolve(catalog.getName().replace('.', '/') + ".java");
        this.idPattern = Pattern.compile(idPattern);
        this.entries = entriesOf(catalog);
        assertTrue(Files.isRegularFile(catalogFile), "catalog source not found at " + catalogFile);
    }

    public void idsAreWellFormedAndUnique() {
        Map<String, String> seen = new HashMap<>();
        for (Entry e : entries) {
            assertTrue(idPattern.matcher(e.id()).matches(), e.name() + ": id " + e.id() + " is not " + idPattern);
            String before = seen.putIfAbsent(e.id(), e.name());
            assertTrue(before == null, e.id() + " is declared twice: " + before + " and " + e.name());
        }
    }

    /** One meaning per id: no two entries share a message, and each says what to do. */
    public void everyIdHasItsOwnMessageAndAnAction() {
        Map<String, String> seen = new HashMap<>();
        for (Entry e : entries) {
            String before = seen.putIfAbsent(e.template(), e.id());
            assertTrue(before == null, e.id() + " and " + before + " have the same message: share one id");
            assertTrue(e.action().endsWith("."), e.id() + ": the action is a sentence: " + e.action());
        }
    }

    /** Ids are written in the catalog only, so that a site cannot reuse or invent one. */
    public void noIdOutsideTheCatalog() {
        List<String> found = new ArrayList<>();
        for (Path file : javaSources()) {
            if (file.equals(catalogFile)) {
                continue;
            }
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (ANY_ID.matcher(lines.get(i)).find()) {
                    found.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        assertTrue(found.isEmpty(), "error ids outside " + catalogFile.getFileName()
                + " (raise them through the catalog):\n" + String.join("\n", found));
    }

    /** No dead ids: each entry is raised ({@code Catalog.ENTRY}) by some main source other than the catalog. */
    public void everyIdIsRaised() {
        StringBuilder others = new StringBuilder();
        for (Path file : javaSources()) {
            if (!file.equals(catalogFile)) {
                others.append(String.join("\n", lines(file))).append('\n');
            }
        }
        for (Entry e : entries) {
            assertTrue(Pattern.compile("\\b" + catalogName + "\\." + e.name() + "\\b").matcher(others).find(),
                    e.id() + " (" + e.name() + ") is declared but never raised: remove it");
        }
    }

    /** The README's table of this module's ids is the catalog's (or is rewritten, see the class comment). */
    public void readmeListsTheCatalog() {
        Path readme = root.resolve("README.md");
        String text = String.join("\n", lines(readme));
        String begin = "<!-- error ids: " + table + ", checked against the catalog by its test -->";
        String end = "<!-- end of error ids: " + table + " -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        assertTrue(from >= 0 && to > from, "README.md has no block from '" + begin + "' to '" + end + "'");
        String actual = text.substring(from + begin.length(), to);
        String expected = "\n" + table() + "\n";
        if (Boolean.getBoolean("hazeljms.updateReadme")) {
            write(readme, text.substring(0, from + begin.length()) + expected + text.substring(to) + "\n");
            return;
        }
        assertEquals(expected, actual, "README.md's error ids (" + table + ") differ from the catalog; "
                + "rerun this test with -Dhazeljms.updateReadme=true to rewrite them");
    }

    private String table() {
        StringBuilder out = new StringBuilder("| id | message | what to do |\n| --- | --- | --- |");
        for (Entry e : entries) {
            out.append("\n| `").append(e.id()).append("` | ").append(cell(readable(e.template()))).append(" | ")
                    .append(cell(e.action())).append(" |");
        }
        return out.toString();
    }

    /** A template as a reader sees it: each detail filled in at run time shown as an ellipsis. */
    private static String readable(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group().equals("%%") ? "%" : "…");
        }
        return m.appendTail(out).toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static List<Entry> entriesOf(Class<? extends Enum<?>> catalog) {
        try {
            Method id = catalog.getMethod("id");
            Method template = catalog.getMethod("template");
            Method action = catalog.getMethod("action");
            List<Entry> out = new ArrayList<>();
            for (Enum<?> e : catalog.getEnumConstants()) {
                out.add(new Entry(e.name(), (String) id.invoke(e), (String) template.invoke(e),
                        (String) action.invoke(e)));
            }
            return out;
        } catch (ReflectiveOperationException e) {
            return fail(catalog.getName() + " is not an error catalog (id(), template(), action()): " + e);
        }
    }

    private List<Path> javaSources() {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
