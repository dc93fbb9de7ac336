package io.hazeljms.crash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Message groups across kill -9: two consumer JVMs (embedded, client) compete for six groups while the member JVM
 * that owns the queue dies, then the client consumer's JVM dies mid-stream and its groups must move to the other.
 * Every group must stay with one consumer (unless that consumer's session broke or it died, which frees its
 * groups), no message of a group may come before an earlier one of the same group was delivered, and nothing
 * acknowledged may be lost (a fresh JVM drains what is left). Five repetitions, each on a queue of its own with a
 * fresh client consumer and a replacement for the killed member: ten kills.
 */
class CrashGroupsTest extends CrashCase {

    static final int REPS = 5;
    static final int MESSAGES = 1200;
    static final int RATE = 600;
    static final int GROUPS = 6;

    @Test
    @Timeout(420)
    void groupsStayWithOneConsumerAndInOrderWhenTheQueuesOwnerIsKilled() {
        long t0 = System.currentTimeMillis();
        run = new CrashRun("groups");
        Map<String, Child> plain = startPlainMembers(3);
        Child producer = run.producer("producer", false);
        Child survivor = run.consumer("consumer-embedded", false, Role.AckMode.CLIENT, 10);
        Child client = run.consumer("consumer-client-0", true, Role.AckMode.CLIENT, 10);
        CrashRun.ready(producer);
        CrashRun.ready(survivor);
        List<String> queues = new ArrayList<>();
        List<Long> kills = new ArrayList<>();
        Set<String> broken = new HashSet<>();
        Map<String, String> clientOf = new HashMap<>();
        int memberNo = 3;
        for (int rep = 0; rep < REPS; rep++) {
            CrashRun.ready(client);
            OwnedQueue owned = queueOwnedByAPlainMember(plain, "groups" + rep);
            String queue = owned.queue();
            queues.add(queue);
            clientOf.put(queue, client.name);
            List<Child> consumers = List.of(survivor, client);
            List<Integer> marks = new ArrayList<>();
            for (Child c : consumers) {
                marks.add(c.lineCount());
                c.command("consume " + queue);
            }
            for (int i = 0; i < consumers.size(); i++) {
                // groups bind to consumers that have claimed: both must be there before the first message
                consumers.get(i).await(marks.get(i), "CONSUMING " + queue, Duration.ofSeconds(60));
            }
            int pMark = producer.lineCount();
            // ids of their own per repetition: the ledger knows a send by its id
            producer.command("send " + queue + " " + MESSAGES + " " + RATE + " grp" + rep + " " + GROUPS);
            survivor.await(marks.get(0), "GOT " + queue, Duration.ofSeconds(60));
            Pause.random(0, 400);
            Child victim = plain.remove(owned.ownerUuid());
            kills.add(victim.kill());
            System.out.printf("groups rep %d at %d ms: killed the owner %s (pid %d) of queue:%s%n", rep,
                    System.currentTimeMillis() - t0, victim.name, victim.pid(), queue);
            Child replacement = run.member("member-" + memberNo++);
            // then a consumer fails: the client consumer's JVM, mid-stream, so its groups move to the other
            client.await(client.lineCount(), "GOT " + queue, Duration.ofSeconds(60));
            Pause.random(0, 200);
            kills.add(client.kill());
            broken.add(client.name);
            System.out.printf("groups rep %d: killed the consumer %s (pid %d)%n", rep, client.name, client.pid());
            if (rep + 1 < REPS) {
                client = run.consumer("consumer-client-" + (rep + 1), true, Role.AckMode.CLIENT, 10);
            }
            producer.await(pMark, "SENT " + queue, Duration.ofSeconds(60));
            survivor.command("finish " + queue + " 3000");
            survivor.await(marks.get(0), "FINISHED " + queue, Duration.ofSeconds(120));
            plain.put(CrashRun.ready(replacement), replacement);
        }
        run.drainAll("drain", false, queues.toArray(String[]::new));
        if (!survivor.lines("CONSUMEFAIL").isEmpty()) {
            broken.add(survivor.name);
        }

        Ledger ledger = Ledger.read(run.dir);
        Ledger.Report r = ledger.check(queues, kills);
        List<String> violations = new ArrayList<>();
        for (String queue : queues) {
            violations.addAll(groupViolations(ledger, queue, broken));
        }
        System.out.println("groups: " + r + " brokenSessions=" + broken + " groupViolations=" + violations
                + " evidence in " + run.dir);
        assertTrue(r.ok(30_000), "groups: " + r + " evidence in " + run.dir);
        assertEquals(List.of(), violations, "evidence in " + run.dir);
        for (String queue : queues) {
            Set<String> receivers = new TreeSet<>();
            ledger.deliveries.stream().filter(d -> d.queue().equals(queue) && !d.by().equals("drain"))
                    .forEach(d -> receivers.add(d.by()));
            assertEquals(new TreeSet<>(Set.of(clientOf.get(queue), survivor.name)), receivers,
                    "groups spread over both consumers of queue:" + queue + ", evidence in " + run.dir);
        }
    }

    /**
     * Message {@code grpR-i} (repetition R) is number {@code i / GROUPS} of group {@code i % GROUPS}. In delivery
     * order (each consumer's log keeps its own order), a message may come only after every earlier one of its group
     * came, and a group's messages go to one consumer until that consumer's session broke (the drain takes what is
     * left).
     */
    static List<String> groupViolations(Ledger ledger, String queue, Set<String> broken) {
        List<String> violations = new ArrayList<>();
        Map<Integer, TreeSet<Integer>> delivered = new HashMap<>();
        Map<Integer, String> holder = new HashMap<>();
        for (Ledger.Delivery d : ledger.deliveries) {
            if (!d.queue().equals(queue)) {
                continue;
            }
            int i = Integer.parseInt(d.id().substring(d.id().lastIndexOf('-') + 1));
            int group = i % GROUPS;
            int seq = i / GROUPS;
            TreeSet<Integer> seen = delivered.computeIfAbsent(group, g -> new TreeSet<>());
            if (seq > 0 && !seen.contains(seq - 1)) {
                violations.add(d.by() + " got " + d.id() + " before number " + (seq - 1) + " of its group");
            }
            seen.add(seq);
            String was = holder.put(group, d.by());
            if (was != null && !was.equals(d.by()) && !broken.contains(was) && !d.by().equals("drain")) {
                violations.add("group " + group + " moved from " + was + " to " + d.by() + " at " + d.id());
            }
        }
        return violations;
    }
}
