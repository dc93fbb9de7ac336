package io.hazeljms.sample.campaign;

import io.hazeljms.sample.mail.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The campaigns accepted, kept where a crash does not lose them: one file per campaign, {@code .campaigns/<id>},
 * in the outbox directory (the demo's stand-in for a database: shared by the instances of one machine, surviving
 * a killed JVM). Written once, whole (a temporary file moved into place), by the instance that accepted the
 * campaign once its message is on {@code mail.campaigns}, and again, if it is missing, by the splitter: so a
 * campaign whose mails are queued is on record even if the accepting JVM died right after queuing it. With the
 * outbox in memory only ({@code none}), the records are this instance's only.
 *
 * <p>The most recent {@value #KEEP} records are kept; the listing is read again at most every
 * {@value #LISTING_MILLIS} ms, and a record's file once per JVM (records never change).
 */
@ApplicationScoped
public class CampaignRecords {

    static final int KEEP = 500;
    static final long LISTING_MILLIS = 1000;
    /** Under the outbox directory; never a campaign's directory name (those never start with a dot). */
    static final String DIRECTORY = ".campaigns";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Logger LOG = Logger.getLogger(CampaignRecords.class.getName());

    private final Path dir;
    /** Records read or written by this JVM, by id. */
    private final Map<String, CampaignRecord> known = new ConcurrentHashMap<>();
    private volatile List<CampaignRecord> newest = List.of();
    private volatile long listedAt;

    public CampaignRecords() {
        this(Outbox.configuredDirectory());
    }

    /** @param outboxDir the durable outbox, or null for memory only */
    CampaignRecords(Path outboxDir) {
        this.dir = outboxDir == null ? null : outboxDir.resolve(DIRECTORY);
    }

    /** Records the campaign unless it is on record already (by whichever instance). */
    public void save(CampaignRecord record) {
        if (!SAFE_ID.matcher(record.id()).matches()) {
            throw new IllegalArgumentException("not a campaign id: " + record.id());
        }
        if (dir != null && !Files.exists(dir.resolve(record.id()))) {
            write(record);
        }
        known.putIfAbsent(record.id(), record);
        listedAt = 0;
        if (dir != null && newest.size() >= KEEP) {
            prune();
        }
    }

    private void write(CampaignRecord record) {
        Path temporary = dir.resolve(".new-" + record.id() + "-" + Thread.currentThread().getId());
        try {
            Files.createDirectories(dir);
            Files.writeString(temporary, record.toText(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, dir.resolve(record.id()), StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException written) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record campaign " + record.id() + " in " + dir, e);
        }
    }

    /** The campaign's record, if it is on record (and its id well-formed). */
    public Optional<CampaignRecord> find(String id) {
        if (!SAFE_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        CampaignRecord record = known.get(id);
        if (record != null || dir == null) {
            return Optional.ofNullable(record);
        }
        return Optional.ofNullable(read(dir.resolve(id)));
    }

    /** The most recently accepted campaigns, newest first, at most {@code limit}. */
    public List<CampaignRecord> newest(int limit) {
        List<CampaignRecord> list = list();
        return list.subList(0, Math.min(limit, list.size()));
    }

    private List<CampaignRecord> list() {
        long now = System.currentTimeMillis();
        if (now - listedAt < LISTING_MILLIS) {
            return newest;
        }
        List<CampaignRecord> all = readAll();
        if (dir == null) {
            all.subList(Math.min(KEEP, all.size()), all.size()).forEach(old -> known.remove(old.id()));
        }
        List<CampaignRecord> kept = List.copyOf(all.subList(0, Math.min(KEEP, all.size())));
        newest = kept;
        listedAt = now;
        return kept;
    }

    /** Deletes the records beyond the newest {@value #KEEP} (their mails stay in the outbox). */
    private void prune() {
        List<CampaignRecord> all = readAll();
        for (CampaignRecord old : all.subList(Math.min(KEEP, all.size()), all.size())) {
            try {
                Files.deleteIfExists(dir.resolve(old.id()));
            } catch (IOException e) {
                LOG.warning(() -> "cannot delete the old campaign record " + old.id() + ": " + e);
            }
            known.remove(old.id());
        }
    }

    /** Every record, newest first. */
    private List<CampaignRecord> readAll() {
        List<CampaignRecord> all = new ArrayList<>();
        if (dir == null) {
            all.addAll(known.values());
        } else {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                    file -> !file.getFileName().toString().startsWith("."))) {
                for (Path file : files) {
                    CampaignRecord record = read(file);
                    if (record != null) {
                        all.add(record);
                    }
                }
            } catch (NoSuchFileException none) {
                // nothing accepted yet
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        all.sort(Comparator.comparingLong(CampaignRecord::acceptedAt).reversed());
        return all;
    }

    /** The record in this file (cached), or null if there is none or it is not a record. */
    private CampaignRecord read(Path file) {
        String id = file.getFileName().toString();
        CampaignRecord cached = known.get(id);
        if (cached != null) {
            return cached;
        }
        try {
            CampaignRecord record = CampaignRecord.parse(Files.readString(file, StandardCharsets.UTF_8));
            known.put(id, record);
            return record;
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warning(() -> "ignoring " + file + ": " + e.getMessage());
            return null;
        }
    }
}
