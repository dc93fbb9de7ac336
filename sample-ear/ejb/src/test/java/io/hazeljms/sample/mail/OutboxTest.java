package io.hazeljms.sample.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxTest {

    private static Mail mail(String campaign, String recipient) {
        return new Mail(campaign, recipient, "s", "b", 0);
    }

    @Test
    void aMailIsOneFileAndASecondCopyAnotherSoDuplicatesCanBeCounted(@TempDir Path dir) throws Exception {
        Outbox first = new Outbox(dir);
        Outbox second = new Outbox(dir); // another JVM on the same machine
        Mail mail = mail("c-1", "user-00001@example.com");
        assertFalse(second.contains(mail));
        first.record(mail);
        assertTrue(second.contains(mail), "the other instance sees the mail");
        second.record(mail);
        try (Stream<Path> files = Files.list(dir.resolve("c-1"))) {
            assertEquals(List.of("user-00001%40example.com", "user-00001%40example.com~2"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.readString(dir.resolve("c-1").resolve("user-00001%40example.com"))
                .contains("recipient=user-00001@example.com\n"));
        assertFalse(first.contains(mail("c-2", "user-00001@example.com")));
    }

    @Test
    void theTallyCountsEachRecipientOnceWhicheverInstanceMailedIt(@TempDir Path dir) throws Exception {
        Outbox first = new Outbox(dir);
        Outbox second = new Outbox(dir);
        assertEquals(0, first.tally("c-1").orElseThrow().recipients());
        first.record(mail("c-1", "a@example.com"));
        second.record(mail("c-1", "a@example.com")); // a duplicate: counted once
        first.record(mail("c-1", "b@example.com"));
        Outbox.Tally tally = new Outbox(dir).tally("c-1").orElseThrow(); // e.g. a restarted instance
        assertEquals(2, tally.recipients());
        assertEquals(2, tally.byInstance().values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(tally.lastMailAt() > 0);
        first.record(mail("c-1", "c@example.com"));
        assertEquals(3, first.tally("c-1").orElseThrow().recipients(), "a new mail is seen at once");
        assertTrue(new Outbox(null).tally("c-1").isEmpty(), "in memory only: no shared tally");
    }

    @Test
    void withoutADirectoryItRemembersWhatThisInstanceSent() {
        Outbox outbox = new Outbox(null);
        Mail mail = mail("c-1", "a@example.com");
        assertFalse(outbox.contains(mail));
        outbox.record(mail);
        assertTrue(outbox.contains(mail));
        assertEquals(1, outbox.entries("c-1").size());
    }

    @Test
    void fileNamesAreSafeAndNeverLookLikeACopy() {
        assertEquals("a%7Eb%2Fc", Outbox.fileName("a~b/c"));
        assertEquals("%2E.", Outbox.fileName(".."));
        assertEquals("%", Outbox.fileName(""));
        assertTrue(Outbox.fileName("x".repeat(300)).startsWith("sha256-"));
        assertNull(Outbox.directory("none"));
        assertEquals(Path.of("/tmp/x"), Outbox.directory(" /tmp/x "));
    }
}
