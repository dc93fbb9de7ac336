package io.hazeljms.sample.mail;

import io.hazeljms.sample.InstanceIdentity;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The simulated mailbox: what has been "sent", by any instance. Two records:
 *
 * <ul>
 *   <li>in memory, per instance: an entry per mail this JVM sent, with a sequence number local to the JVM (what
 *       {@code GET /api/outbox?campaign=ID} lists);</li>
 *   <li>on disk, shared by every instance on the machine and surviving a killed JVM: directory
 *       {@value #DIR_PROPERTY} (default {@code ${java.io.tmpdir}/hazeljms-sample-outbox}; {@code none} keeps
 *       the outbox in memory only) holds one file per mail, {@code <campaignId>/<recipient>}, created with
 *       {@code CREATE_NEW}. A mail that reaches the mailbox again (a duplicate) gets a file of its own,
 *       {@code <recipient>~2}, {@code ~3}, …: the mailbox, like a real one, takes every copy, so duplicates can be
 *       counted.</li>
 * </ul>
 *
 * <p>{@link #contains} is the idempotent receiver's memory: whether this campaign's mail to this recipient is in
 * the mailbox already, whichever JVM put it there (with the directory) or this JVM (without). A file is written
 * without {@code fsync}: it survives the death of the JVM (kill -9), not a power cut.
 */
@ApplicationScoped
public class Outbox {

    /** System property: directory of the durable outbox, or {@code none}. */
    public static final String DIR_PROPERTY = "hazeljms.sample.outbox.dir";

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    private static final String DUPLICATE = "~";
    private static final int MAX_NAME = 180;
    private static final int MAX_COPIES = 1000;
    /** Under the directory: one empty file per repaired mailbox (never a campaign's name: see fileName). */
    private static final String REPAIRED = ".repaired";
    /** Campaigns whose tally is kept between two questions (the ones pages are watching). */
    private static final int TALLIES = 64;

    /**
     * What the mailbox holds of one campaign, whichever instance put it there: how many distinct recipients were
     * mailed, by which instance (from the files: the instance that sent each first copy), and when the last mail
     * arrived (the campaign directory's modification time; 0 if none).
     */
    public record Tally(int recipients, Map<String, Integer> byInstance, long lastMailAt) {
        static final Tally EMPTY = new Tally(0, Map.of(), 0);
    }

    /** One sent mail. {@code sequence} orders the mails this instance sent. */
    public record Entry(long sequence, String campaignId, String recipient, String subject, String instance,
                        Instant sentAt) {
    }

    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Queue<Entry>> byCampaign = new ConcurrentHashMap<>();
    private final Set<String> sentHere = ConcurrentHashMap.newKeySet();
    private final Set<String> repairedHere = ConcurrentHashMap.newKeySet();
    private final Path dir;
    private final Map<String, CampaignTally> tallies = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CampaignTally> eldest) {
            return size() > TALLIES;
        }
    };

    public Outbox() {
        this(directory(System.getProperty(DIR_PROPERTY)));
    }

    /** @param dir the durable outbox, or null for memory only */
    Outbox(Path dir) {
        this.dir = dir;
        if (dir != null) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the outbox directory " + dir, e);
            }
            LOG.info(() -> "outbox directory " + dir.toAbsolutePath());
        }
    }

    /** The durable outbox directory configured for this JVM, or null for memory only. */
    public static Path configuredDirectory() {
        return directory(System.getProperty(DIR_PROPERTY));
    }

    static Path directory(String configured) {
        if (configured == null || configured.isBlank()) {
            return Paths.get(System.getProperty("java.io.tmpdir"), "hazeljms-sample-outbox");
        }
        return "none".equalsIgnoreCase(configured.trim()) ? null : Paths.get(configured.trim());
    }

    /** Puts the mail in the mailbox (a second copy if it is there already). */
    public Entry record(Mail mail) {
        Entry entry = new Entry(sequence.incrementAndGet(), mail.campaignId(), mail.recipient(), mail.subject(),
                InstanceIdentity.name(), Instant.now());
        if (dir != null) {
            write(entry);
        }
        sentHere.add(key(mail.campaignId(), mail.recipient()));
        byCampaign.computeIfAbsent(mail.campaignId(), id -> new ConcurrentLinkedQueue<>()).add(entry);
        return entry;
    }

    /** Whether the mailbox holds this campaign's mail to this recipient (a mail some instance sent already). */
    public boolean contains(Mail mail) {
        if (dir == null) {
            return sentHere.contains(key(mail.campaignId(), mail.recipient()));
        }
        return Files.exists(dir.resolve(fileName(mail.campaignId())).resolve(fileName(mail.recipient())));
    }

    /**
     * Marks a mailbox as repaired: from now on the sender delivers to it although its address contains "fail"
     * (what an operator waits for before redriving its dead letters). Shared like the mails: every instance with
     * the same directory sees it.
     */
    public void repair(String address) {
        repairedHere.add(address);
        if (dir == null) {
            return;
        }
        Path marker = dir.resolve(REPAIRED).resolve(fileName(address));
        try {
            Files.createDirectories(marker.getParent());
            Files.write(marker, new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark the mailbox of " + address + " repaired in " + marker, e);
        }
    }

    /** Whether {@link #repair} was called for this address (by any instance sharing the directory). */
    public boolean isRepaired(String address) {
        if (repairedHere.contains(address)) {
            return true;
        }
        return dir != null && Files.exists(dir.resolve(REPAIRED).resolve(fileName(address)));
    }

    /**
     * What the shared mailbox holds of a campaign, or empty when the outbox is in memory only (then only this
     * instance's own mails would be known). Files are only ever added, so the tally is kept per campaign and
     * the directory listed again only when it changed; each file is read once (for its instance) per JVM.
     */
    public Optional<Tally> tally(String campaignId) {
        if (dir == null) {
            return Optional.empty();
        }
        CampaignTally tally;
        synchronized (tallies) {
            tally = tallies.computeIfAbsent(campaignId, id -> new CampaignTally(dir.resolve(fileName(id))));
        }
        return Optional.of(tally.current());
    }

    /** This instance's entries of one campaign, in the order they were sent. */
    public List<Entry> entries(String campaignId) {
        Queue<Entry> entries = byCampaign.get(campaignId);
        if (entries == null) {
            return List.of();
        }
        List<Entry> list = new ArrayList<>(entries);
        list.sort(Comparator.comparingLong(Entry::sequence));
        return list;
    }

    /** Mails this instance has sent in all. */
    public long total() {
        return sequence.get();
    }

    private void write(Entry entry) {
        Path campaign = dir.resolve(fileName(entry.campaignId()));
        String recipient = fileName(entry.recipient());
        byte[] content = ("campaign=" + entry.campaignId() + "\nrecipient=" + entry.recipient()
                + "\ninstance=" + entry.instance() + "\njvm=" + InstanceIdentity.jvmId()
                + "\nsequence=" + entry.sequence() + "\nsentAt=" + entry.sentAt() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(campaign);
            for (int copy = 1; copy <= MAX_COPIES; copy++) {
                Path file = campaign.resolve(copy == 1 ? recipient : recipient + DUPLICATE + copy);
                try {
                    Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    if (copy > 1) {
                        int n = copy;
                        LOG.warning(() -> "mail of " + entry.campaignId() + " to " + entry.recipient()
                                + " reached the mailbox again: copy " + n);
                    }
                    return;
                } catch (FileAlreadyExistsException sentBefore) {
                    // a copy is there already: this one is a duplicate, the next free name records it
                }
            }
            throw new IOException("more than " + MAX_COPIES + " copies");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the mail of " + entry.campaignId() + " to "
                    + entry.recipient() + " in " + campaign, e);
        }
    }

    /**
     * One campaign's directory as last listed. A listing is reused while the directory's modification time is
     * unchanged and was already {@value #SETTLED_MILLIS} ms old when listed: a file created in the same clock
     * tick as the listing could otherwise be missed for good (the "racy" case).
     */
    private static final class CampaignTally {

        private static final long SETTLED_MILLIS = 1000;

        private final Path campaign;
        /** First copies read so far: file name to the instance that wrote it. */
        private final Map<String, String> instances = new HashMap<>();
        private long listedModified = -1;
        private long listedAt;
        private boolean unread;
        private Tally tally = Tally.EMPTY;

        CampaignTally(Path campaign) {
            this.campaign = campaign;
        }

        synchronized Tally current() {
            long modified;
            try {
                modified = Files.getLastModifiedTime(campaign).toMillis();
            } catch (NoSuchFileException none) {
                return Tally.EMPTY;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + campaign, e);
            }
            if (modified == listedModified && listedAt - modified >= SETTLED_MILLIS && !unread) {
                return tally;
            }
            long now = System.currentTimeMillis();
            int recipients = 0;
            boolean missing = false;
            try (DirectoryStream<Path> files = Files.newDirectoryStream(campaign)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (name.contains(DUPLICATE)) {
                        continue; // a second copy: the recipient counts once
                    }
                    recipients++;
                    if (!instances.containsKey(name)) {
                        String instance = instanceIn(file);
                        if (instance == null) {
                            missing = true; // being written: read it next time
                        } else {
                            instances.put(name, instance);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + campaign, e);
            }
            Map<String, Integer> byInstance = new TreeMap<>();
            instances.values().forEach(instance -> byInstance.merge(instance, 1, Integer::sum));
            listedModified = modified;
            listedAt = now;
            unread = missing;
            tally = new Tally(recipients, Collections.unmodifiableMap(byInstance), modified);
            return tally;
        }

        private static String instanceIn(Path file) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.startsWith("instance=")) {
                        return line.substring("instance=".length());
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        }
    }

    private static String key(String campaignId, String recipient) {
        return campaignId + '\n' + recipient;
    }

    /**
     * A file name for a campaign id or an address: URL-encoded ({@code @} becomes {@code %40}), or a SHA-256 if
     * that is long. Never contains {@value #DUPLICATE}, which marks the copies.
     */
    static String fileName(String text) {
        if (text.isEmpty()) {
            return "%"; // never an encoding's result
        }
        String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("*", "%2A").replace("~", "%7E");
        if (encoded.startsWith(".")) {
            encoded = "%2E" + encoded.substring(1);
        }
        if (encoded.length() <= MAX_NAME) {
            return encoded;
        }
        try {
            return "sha256-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
