package io.hazeljms.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Everything the children wrote down in a run's directory, and the counts that must be zero.
 * {@code NAME.sent}: acknowledged sends; {@code NAME.deliveries}; {@code NAME.acks} (acknowledged or committed).
 * Files whose name starts with {@code drain} are the fresh consumers that empty everything at the end.
 */
final class Ledger {

    record Sent(String queue, String id, long crc) { }

    /** {@code bodyCrc}: the CRC32 of the body delivered (-1 if not a bytes message, or a file without it). */
    record Delivery(long t, String queue, String id, boolean redelivered, int count, boolean crcOk, String by,
                    int seq, long bodyCrc) { }

    record Ack(long t, String queue, String id, String by) { }

    /** Acknowledged sends by {@code queue id}: a test may send one id to several queues (or again to one). */
    final Map<String, Sent> sent = new LinkedHashMap<>();
    /** Ids sent to more than one queue: a move's checks, which find a send by its id alone, refuse them. */
    final Set<String> idsOnSeveralQueues = new TreeSet<>();
    final List<Delivery> deliveries = new ArrayList<>();
    final List<Ack> acks = new ArrayList<>();
    private final Map<String, Sent> sentById = new HashMap<>();
    /** Acknowledgements or commits started (T lines): the outcome is unknown unless an A line follows. */
    final List<Ack> attempts = new ArrayList<>();

    static Ledger read(Path dir) {
        Ledger l = new Ledger();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                String by = name.substring(0, name.lastIndexOf('.'));
                if (name.endsWith(".sent")) {
                    for (String line : lines(f)) {
                        String[] w = line.split(" ");
                        Sent s = new Sent(w[0], w[1], Long.parseLong(w[2]));
                        Sent before = l.sent.put(s.queue() + " " + s.id(), s);
                        if (before == null && l.sentById.putIfAbsent(s.id(), s) != null) {
                            l.idsOnSeveralQueues.add(s.id());
                        }
                    }
                } else if (name.endsWith(".deliveries")) {
                    int seq = 0;
                    for (String line : lines(f)) {
                        String[] w = line.split(" ");
                        l.deliveries.add(new Delivery(Long.parseLong(w[1]), w[2], w[3], w[4].equals("1"),
                                Integer.parseInt(w[5]), w[6].equals("1"), by, seq++,
                                w.length > 7 ? Long.parseLong(w[7]) : -1));
                    }
                } else if (name.endsWith(".acks")) {
                    for (String line : lines(f)) {
                        String[] w = line.split(" ");
                        (w[0].equals("A") ? l.acks : l.attempts).add(new Ack(Long.parseLong(w[1]), w[2], w[3], by));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        l.deliveries.sort(Comparator.comparingLong(Delivery::t));
        return l;
    }

    /** A move's delivery is found by its id on another queue than its send's: ids must be unique to one queue. */
    private void requireOneQueuePerId() {
        if (!idsOnSeveralQueues.isEmpty()) {
            throw new IllegalStateException("the test sent these ids to several queues, which a move's check cannot"
                    + " tell apart; give each queue ids of its own: " + idsOnSeveralQueues);
        }
    }

    /** Complete lines only: a kill -9 may cut the last one. */
    private static List<String> lines(Path f) throws IOException {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : text.substring(0, end).split("\n")) {
            if (!s.isBlank()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The counts for a set of queues; kill times bound the delivery gaps measured. */
    Report check(Collection<String> queues, List<Long> killTimes) {
        return check(queues, killTimes, false);
    }

    /**
     * As {@link #check(Collection, List)}; with {@code flaggedAfterAckAllowed} a delivery after an acknowledgement
     * returned counts as a violation only when it is not flagged redelivered (it is counted apart, in
     * {@link Report#redeliveredAfterAck}). Only for a restart of the whole cluster from the durable store: rows of
     * acknowledged messages are deleted asynchronously, so a crash may bring an acknowledged message back, and
     * after such a crash every recovered message is flagged.
     */
    Report check(Collection<String> queues, List<Long> killTimes, boolean flaggedAfterAckAllowed) {
        Set<String> qs = Set.copyOf(queues);
        Report r = new Report();
        Map<String, List<Delivery>> byKey = new HashMap<>();
        for (Delivery d : deliveries) {
            if (qs.contains(d.queue())) {
                byKey.computeIfAbsent(d.queue() + " " + d.id(), k -> new ArrayList<>()).add(d);
                r.deliveries++;
                if (!d.crcOk()) {
                    r.checksum.add(d.id());
                }
                if (d.redelivered()) {
                    r.redelivered++;
                }
            }
        }
        Set<String> settled = new HashSet<>();
        for (Ack a : acks) {
            settled.add(a.queue() + " " + a.id());
        }
        Set<String> tried = new HashSet<>();
        for (Ack a : attempts) {
            tried.add(a.queue() + " " + a.id());
        }
        for (Sent s : sent.values()) {
            if (qs.contains(s.queue())) {
                r.acked++;
                String key = s.queue() + " " + s.id();
                if (!byKey.containsKey(key)) {
                    r.lost.add(s.id());
                } else if (!settled.contains(key)) {
                    // delivered, never settled: only a kill inside acknowledge()/commit() may explain that
                    (tried.contains(key) ? r.indeterminate : r.vanished).add(s.id());
                }
            }
        }
        for (List<Delivery> ds : byKey.values()) {
            for (int i = 1; i < ds.size(); i++) {
                if (!ds.get(i).redelivered()) {
                    r.unflagged.add(ds.get(i).id() + "@" + ds.get(i).by());
                }
            }
            if (!sent.containsKey(ds.get(0).queue() + " " + ds.get(0).id())) {
                r.unknown.add(ds.get(0).id());
            }
        }
        Map<String, Long> firstAck = new HashMap<>();
        for (Ack a : acks) {
            if (qs.contains(a.queue())) {
                firstAck.merge(a.queue() + " " + a.id(), a.t(), Math::min);
            }
        }
        for (Map.Entry<String, Long> e : firstAck.entrySet()) {
            for (Delivery d : byKey.getOrDefault(e.getKey(), List.of())) {
                if (d.t() > e.getValue()) {
                    (flaggedAfterAckAllowed && d.redelivered() ? r.redeliveredAfterAck : r.afterAck)
                            .add(d.id() + "@" + d.by());
                }
            }
        }
        // gaps: deliveries to the consumers under test (not the final drain) from each kill on
        List<Long> times = deliveries.stream().filter(d -> qs.contains(d.queue()) && !d.by().startsWith("drain"))
                .map(Delivery::t).sorted().toList();
        for (long kill : killTimes) {
            long prev = kill;
            for (long t : times) {
                if (t <= kill) {
                    continue;
                }
                r.maxGapMs = Math.max(r.maxGapMs, t - prev);
                prev = t;
            }
        }
        return r;
    }

    /**
     * Conservation of a move from {@code from} to every queue of {@code to}, judged on what the fresh drain found:
     * each id sent to {@code from} must end once in {@code from} or once in each of {@code to}; an id whose
     * commit returned must be in {@code to}.
     */
    Conservation conservation(String drainPrefix, String from, List<String> to) {
        requireOneQueuePerId();
        Conservation c = new Conservation();
        Map<String, Map<String, Integer>> where = new HashMap<>();
        for (Delivery d : deliveries) {
            if (d.by().startsWith(drainPrefix)) {
                where.computeIfAbsent(d.id(), k -> new HashMap<>()).merge(d.queue(), 1, Integer::sum);
            }
        }
        Set<String> committed = new TreeSet<>();
        for (Ack a : acks) {
            if (a.queue().equals(from) && !a.by().startsWith(drainPrefix)) {
                committed.add(a.id());
            }
        }
        for (Sent s : sent.values()) {
            if (!s.queue().equals(from)) {
                continue;
            }
            c.ids++;
            Map<String, Integer> w = where.getOrDefault(s.id(), Map.of());
            int inFrom = w.getOrDefault(from, 0);
            boolean allTo = to.stream().allMatch(q -> w.getOrDefault(q, 0) == 1);
            boolean noneTo = to.stream().allMatch(q -> w.getOrDefault(q, 0) == 0);
            if (inFrom == 1 && noneTo) {
                c.inSource++;
                if (committed.contains(s.id())) {
                    c.committedButInSource.add(s.id());
                }
            } else if (inFrom == 0 && allTo) {
                c.moved++;
            } else {
                c.violations.add(s.id() + w);
            }
        }
        return c;
    }

    /**
     * At least once, judged on what the fresh drain found in {@code queues}: every id sent to {@code from} must be
     * delivered to the drain at least once, in any of them, each time with the body checksum its producer
     * recorded. An id found more than once (on both sides of a move a crash interrupted, or twice on one) is a
     * duplicate: counted, allowed. An id found that no producer recorded is an error unless it is in
     * {@code inDoubt} (a send that failed may have been stored).
     */
    AtLeastOnce atLeastOnce(String drainPrefix, String from, Collection<String> queues, Set<String> inDoubt) {
        requireOneQueuePerId();
        Set<String> qs = Set.copyOf(queues);
        Map<String, Map<String, Integer>> where = new HashMap<>();
        AtLeastOnce r = new AtLeastOnce();
        for (Delivery d : deliveries) {
            if (d.by().startsWith(drainPrefix) && qs.contains(d.queue())) {
                where.computeIfAbsent(d.id(), k -> new TreeMap<>()).merge(d.queue(), 1, Integer::sum);
                Sent s = sentById.get(d.id());
                if (s == null) {
                    if (!inDoubt.contains(d.id())) {
                        r.unknown.add(d.id());
                    }
                } else if (!d.crcOk() || d.bodyCrc() != s.crc()) {
                    r.checksum.add(d.id() + "@" + d.queue());
                }
            }
        }
        for (Sent s : sent.values()) {
            if (!s.queue().equals(from)) {
                continue;
            }
            r.ids++;
            Map<String, Integer> w = where.get(s.id());
            if (w == null) {
                r.lost.add(s.id());
                continue;
            }
            int copies = w.values().stream().mapToInt(Integer::intValue).sum();
            if (copies > 1) {
                r.duplicates.add(s.id() + w);
            }
            w.forEach((q, n) -> r.found.merge(q, 1, Integer::sum));
        }
        return r;
    }

    static final class AtLeastOnce {
        int ids;
        /** Per queue, how many ids the drain found there. */
        final Map<String, Integer> found = new TreeMap<>();
        final List<String> lost = new ArrayList<>();
        final List<String> duplicates = new ArrayList<>();
        final List<String> checksum = new ArrayList<>();
        final List<String> unknown = new ArrayList<>();

        boolean ok() {
            return lost.isEmpty() && checksum.isEmpty() && unknown.isEmpty();
        }

        @Override
        public String toString() {
            return "ids=" + ids + " foundIn=" + found + " | lost=" + lost.size() + (lost.isEmpty() ? ""
                    : " " + lost.subList(0, Math.min(50, lost.size())) + (lost.size() > 50 ? "..." : ""))
                    + " checksumMismatches=" + checksum.size() + first(checksum)
                    + " notSentByTheProducer=" + unknown.size() + first(unknown)
                    + " | duplicates (allowed)=" + duplicates.size() + first(duplicates);
        }
    }

    static final class Conservation {
        int ids;
        int inSource;
        int moved;
        final List<String> violations = new ArrayList<>();
        final List<String> committedButInSource = new ArrayList<>();

        boolean ok() {
            return violations.isEmpty() && committedButInSource.isEmpty();
        }

        @Override
        public String toString() {
            return "ids=" + ids + " moved=" + moved + " stillInSource=" + inSource + " violations="
                    + violations.size() + first(violations) + " committedButInSource=" + committedButInSource.size()
                    + first(committedButInSource);
        }
    }

    static final class Report {
        int acked;
        int deliveries;
        int redelivered;
        long maxGapMs;
        final List<String> lost = new ArrayList<>();
        final List<String> vanished = new ArrayList<>();
        final List<String> indeterminate = new ArrayList<>();
        final List<String> unflagged = new ArrayList<>();
        final List<String> afterAck = new ArrayList<>();
        /** Deliveries after an acknowledgement, flagged redelivered, where a check allows them (see check). */
        final List<String> redeliveredAfterAck = new ArrayList<>();
        final List<String> checksum = new ArrayList<>();
        final List<String> unknown = new ArrayList<>();

        boolean ok(long gapBoundMs) {
            return lost.isEmpty() && vanished.isEmpty() && unflagged.isEmpty() && afterAck.isEmpty() && checksum.isEmpty()
                    && maxGapMs < gapBoundMs;
        }

        @Override
        public String toString() {
            return "acked=" + acked + " deliveries=" + deliveries + " redelivered=" + redelivered
                    + " | lost=" + lost.size() + first(lost)
                    + " deliveredButNeverSettledNorRedelivered=" + vanished.size() + first(vanished)
                    + " unflaggedDuplicates=" + unflagged.size() + first(unflagged)
                    + " deliveredAfterAck=" + afterAck.size() + first(afterAck)
                    + (redeliveredAfterAck.isEmpty() ? "" : " (allowed: flagged redelivered after ack="
                    + redeliveredAfterAck.size() + first(redeliveredAfterAck) + ")")
                    + " checksumMismatches=" + checksum.size() + first(checksum)
                    + " maxGapAfterKillMs=" + maxGapMs
                    + " (killed inside acknowledge/commit, not redelivered: " + indeterminate.size()
                    + "; delivered but never acked by the producer: " + unknown.size() + ")";
        }
    }

    static String first(List<String> ids) {
        return ids.isEmpty() ? "" : " " + ids.subList(0, Math.min(5, ids.size()));
    }
}
