package io.hazeljms.store;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The message groups of one queue or subscription ({@code JMSXGroupID}): which consumer ({@link Claimer}) each
 * group is bound to. Part of the {@link DestinationState}, so the binding lives on the partition owner, is
 * replicated with every claim to the backups, and is the same for every member and client.
 *
 * <p>Rules, consulted by the claim scan and applied with the claim (primary and backups alike):
 * <ul>
 *   <li>a message of a group bound to another consumer is skipped (it waits for its consumer);</li>
 *   <li>an unbound group binds to the consumer that claims it, but only when none of its messages is in
 *       flight (a message of the group held, even by a consumer gone, must be acknowledged or come back first,
 *       so the group never runs ahead of it), and only when that consumer holds no more groups than the least
 *       loaded consumer that claimed lately (so groups spread over competing consumers);</li>
 *   <li>the first message a consumer gets for a group it was just bound to carries
 *       {@link #FIRST_FOR_CONSUMER} = true, as Artemis sets it;</li>
 *   <li>a message with a negative {@code JMSXGroupSeq} (Artemis: -1) closes its group once claimed: the next
 *       message binds anew, after the closing one is acknowledged.</li>
 * </ul>
 * A binding ends when its consumer closes ({@link #unbind(Claimer)}), its session, connection or node goes
 * ({@link #unbind(LeaseOwner, LeaseOwner.Scope)}), or the lease of one of the group's messages times out.
 */
public final class MessageGroups {

    public static final String GROUP_ID = "JMSXGroupID";
    public static final String GROUP_SEQ = "JMSXGroupSeq";
    /** Set (true) on the first message of a group a consumer gets after the group was bound to it. */
    public static final String FIRST_FOR_CONSUMER = "JMSXGroupFirstForConsumer";
    /** A consumer counts for spreading groups while its last claim is this recent. */
    static final long ACTIVE_MILLIS = 5_000; // idle consumers claim again at least every two seconds (Messages.RECHECK_MILLIS)

    /** Group id to the consumer it is bound to. */
    private final Map<String, Claimer> bound = new HashMap<>();
    /** How many groups each consumer holds (derived from {@link #bound}). */
    private final Map<Claimer, Integer> counts = new HashMap<>();
    /** When each consumer last claimed (primary only, not replicated: it only steers the spreading). */
    private final Map<Claimer, Long> lastClaimAt = new LinkedHashMap<>();

    /** The group of a message, or null. */
    public static String groupOf(StoredMessage m) {
        return m.properties().get(GROUP_ID) instanceof String g ? g : null;
    }

    /** Whether a message closes its group once delivered (a negative {@code JMSXGroupSeq}). */
    static boolean closes(StoredMessage m) {
        return m.properties().get(GROUP_SEQ) instanceof Integer seq && seq < 0;
    }

    public boolean isEmpty() {
        return bound.isEmpty();
    }

    public int size() {
        return bound.size();
    }

    /** The consumer a group is bound to, or null. */
    public Claimer holderOf(String group) {
        return bound.get(group);
    }

    /** Primary: {@code claimer} claims now and may take grouped messages (it counts for spreading groups). */
    private void claiming(Claimer claimer, long now) {
        lastClaimAt.remove(claimer);
        lastClaimAt.put(claimer, now); // most recent last, so stale ones are at the head
        for (Iterator<Long> it = lastClaimAt.values().iterator(); it.hasNext(); ) {
            if (it.next() >= now - ACTIVE_MILLIS) {
                break;
            }
            it.remove();
        }
    }

    /** One claim's view: which grouped messages {@code claimer} may take, changing nothing. */
    Scan scan(Claimer claimer, Collection<Lease> inFlight) {
        return new Scan(claimer, inFlight);
    }

    /**
     * Applies one claimed message (primary and backups): binds its group to {@code claimer} if it was not, and
     * then marks {@code delivered} (the copy handed out) first for the consumer; a closing message unbinds.
     */
    void claimed(StoredMessage m, Claimer claimer, StoredMessage delivered) {
        String group = groupOf(m);
        if (group == null) {
            return;
        }
        if (!claimer.equals(bound.get(group))) {
            bind(group, claimer);
            if (delivered != null) {
                delivered.properties().put(FIRST_FOR_CONSUMER, Boolean.TRUE);
            }
        }
        if (closes(m)) {
            unbindGroup(group);
        }
    }

    /** The consumer closed: its groups are free. Returns how many it held. */
    public int unbind(Claimer claimer) {
        lastClaimAt.remove(claimer);
        return unbindIf(h -> h.equals(claimer));
    }

    /** A session, connection or node went: the groups of its consumers are free. Returns how many. */
    int unbind(LeaseOwner owner, LeaseOwner.Scope scope) {
        lastClaimAt.keySet().removeIf(h -> h.owner().matches(owner, scope));
        return unbindIf(h -> h.owner().matches(owner, scope));
    }

    /** A lease of this message timed out: its group leaves the consumer that held it (it may hang). */
    void leaseTimedOut(StoredMessage m, LeaseOwner holder) {
        String group = groupOf(m);
        Claimer h = group == null ? null : bound.get(group);
        if (h != null && h.owner().equals(holder)) {
            unbindGroup(group);
        }
    }

    private int unbindIf(java.util.function.Predicate<Claimer> which) {
        int n = 0;
        for (Iterator<Map.Entry<String, Claimer>> it = bound.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Claimer> e = it.next();
            if (which.test(e.getValue())) {
                it.remove();
                counts.computeIfPresent(e.getValue(), (k, c) -> c <= 1 ? null : c - 1);
                n++;
            }
        }
        return n;
    }

    private void bind(String group, Claimer claimer) {
        unbindGroup(group);
        bound.put(group, claimer);
        counts.merge(claimer, 1, Integer::sum);
    }

    private void unbindGroup(String group) {
        Claimer old = bound.remove(group);
        if (old != null) {
            counts.computeIfPresent(old, (k, c) -> c <= 1 ? null : c - 1);
        }
    }

    /** Which grouped messages one claim may take, as the scan meets them (primary only, changes nothing). */
    final class Scan {
        private final Claimer claimer;
        private final Collection<Lease> inFlight;
        /** Groups this claim took (bound to it, or closed by a message it took: nothing more of them now). */
        private final Map<String, Boolean> taken = new HashMap<>();
        private Set<String> inFlightGroups;
        private int mine;
        /** This claim met a grouped message its selector accepts / one its selector refuses. */
        private boolean met;
        private boolean refused;

        private Scan(Claimer claimer, Collection<Lease> inFlight) {
            this.claimer = claimer;
            this.inFlight = inFlight;
            this.mine = counts.getOrDefault(claimer, 0);
        }

        /** Whether the claim may take {@code m}; if it binds a group anew, the rest of the scan counts it. */
        boolean mayTake(StoredMessage m) {
            String group = groupOf(m);
            if (group == null) {
                return true;
            }
            met = true;
            Boolean open = taken.get(group);
            if (open != null) {
                return open && mark(group, m);
            }
            Claimer holder = bound.get(group);
            if (holder != null) {
                return holder.equals(claimer) && mark(group, m);
            }
            if (inFlightGroups().contains(group) || !leastLoaded()) {
                return false;
            }
            mine++;
            return mark(group, m);
        }

        /** The claimer's selector refused {@code m}. */
        void refused(StoredMessage m) {
            refused = refused || groupOf(m) != null;
        }

        /**
         * The scan ended: the claimer counts for spreading groups unless its selector refuses grouped messages
         * and accepts none, so a consumer that never takes groups does not hold back those that do.
         */
        void done(long now) {
            if (met || !refused) {
                claiming(claimer, now);
            } else {
                lastClaimAt.remove(claimer);
            }
        }

        /** {@code m} cannot be taken yet (it waits out a redelivery delay): nothing after it in its group now. */
        void hold(StoredMessage m) {
            String group = groupOf(m);
            if (group != null) {
                taken.put(group, false);
            }
        }

        private boolean mark(String group, StoredMessage m) {
            taken.put(group, !closes(m));
            return true;
        }

        /** No consumer that claimed lately holds fewer groups than this one would. */
        private boolean leastLoaded() {
            for (Claimer other : lastClaimAt.keySet()) {
                if (!other.equals(claimer) && counts.getOrDefault(other, 0) < mine) {
                    return false;
                }
            }
            return true;
        }

        private Set<String> inFlightGroups() {
            if (inFlightGroups == null) {
                inFlightGroups = new HashSet<>();
                for (Lease lease : inFlight) {
                    String g = groupOf(lease.message());
                    if (g != null) {
                        inFlightGroups.add(g);
                    }
                }
            }
            return inFlightGroups;
        }
    }

    // --- serialization, with the destination state -----------------------------------------------------------

    void write(DataOutput out) throws IOException {
        out.writeInt(bound.size());
        for (Map.Entry<String, Claimer> e : bound.entrySet()) {
            Fields.writeString(out, e.getKey());
            Claimer.write(out, e.getValue());
        }
    }

    void read(DataInput in) throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            bind(Fields.readString(in), Claimer.read(in));
        }
    }
}
