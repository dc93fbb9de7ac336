package io.hazeljms.sample.it;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One campaign's mails in the shared mailbox directory: one file per copy, {@code <recipient>} for the first,
 * {@code <recipient>~N} for the N-th (see the sample's {@code Outbox}).
 */
record Mailbox(Path dir, Map<String, List<Path>> copies) {

    static Mailbox read(Path dir) throws IOException {
        Map<String, List<Path>> copies = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(file -> {
                    String name = file.getFileName().toString();
                    int copy = name.indexOf('~');
                    String recipient = URLDecoder.decode(copy < 0 ? name : name.substring(0, copy),
                            StandardCharsets.UTF_8);
                    copies.computeIfAbsent(recipient, r -> new ArrayList<>()).add(file);
                });
            }
        }
        return new Mailbox(dir, copies);
    }

    int mails() {
        return copies.values().stream().mapToInt(List::size).sum();
    }

    List<String> duplicated() {
        return copies.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
    }

    /** Good recipients (as the sample generates them) without a mail. */
    List<String> missing(int count, int failing) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String good = String.format(Locale.ROOT, "user-%05d@example.com", i + 1);
            if (!isFailingIndex(i, count, failing) && !copies.containsKey(good)) {
                missing.add(good);
            }
        }
        return missing;
    }

    List<String> failingMailed() {
        return copies.keySet().stream().filter(r -> r.startsWith("fail-")).toList();
    }

    /** The copies of the first few recipients, with what each file says (instance, JVM, when). */
    String describe(List<String> recipients) {
        StringBuilder text = new StringBuilder();
        for (String recipient : recipients.subList(0, Math.min(5, recipients.size()))) {
            text.append("\n  ").append(recipient).append(':');
            for (Path file : copies.get(recipient)) {
                String content;
                try {
                    content = Files.readString(file).replace('\n', ' ').trim();
                } catch (IOException e) {
                    content = e.toString();
                }
                text.append("\n    ").append(file.getFileName()).append(": ").append(content);
            }
        }
        return text.toString();
    }

    /** The sample's rule for generated failing addresses (see {@code Recipients}). */
    static boolean isFailingIndex(int i, int count, int failing) {
        long stride = count / failing;
        return (i + 1) % stride == 0 && (i + 1) / stride <= failing;
    }
}
