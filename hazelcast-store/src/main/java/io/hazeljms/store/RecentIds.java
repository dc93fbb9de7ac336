package io.hazeljms.store;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The send ids of the last messages stored on a destination, as 64-bit hashes, at most as many as the
 * destination's {@code duplicateIdCacheSize} ({@link io.hazeljms.store.policy.DuplicatePolicy}): a message's
 * duplicate id when the application gave one, else its message id ({@link StoredMessage#sendId}). A send made
 * again, by the application with the same duplicate id or by the store because its first attempt's outcome was in
 * doubt, finds its id here even when the message was consumed meanwhile, and adds nothing. A ring of hashes with
 * an open-addressing index: about 21 bytes an id, nothing for an idle destination. Deterministic, so primary and
 * backups hold the same ids; serialized with the destination.
 */
final class RecentIds {

    private static final long EMPTY = 0;
    private static final long[] NONE = new long[0];

    private long[] ring = NONE;
    private int next;
    private int size;
    /** Open addressing, linear probing, a power of two at least 1.5 times the ring; EMPTY marks a free slot. */
    private long[] index = NONE;

    boolean contains(String id) {
        return size > 0 && slotOf(hash(id)) >= 0;
    }

    int size() {
        return size;
    }

    /** Whether an id already hashed ({@link #hash}) is remembered. */
    boolean containsHash(long h) {
        return size > 0 && h != EMPTY && slotOf(h) >= 0;
    }

    /** Remembers an id, forgetting the oldest beyond {@code capacity} (0: remembers nothing). */
    void add(String id, int capacity) {
        addHash(hash(id), capacity);
    }

    /** As {@link #add}, for an id already hashed ({@link #hash}): recovery gives back the hashes it kept. */
    void addHash(long h, int capacity) {
        trimTo(capacity);
        if (capacity <= 0 || h == EMPTY) {
            return;
        }
        if (size > 0 && slotOf(h) >= 0) {
            return;
        }
        if (size == ring.length && ring.length < capacity) {
            rebuild(ordered(), Math.min(capacity, Math.max(16, ring.length * 2)));
        }
        if (size == ring.length) { // full: the oldest makes room
            removeFromIndex(ring[next]);
            size--;
        }
        ring[next] = h;
        next = (next + 1) % ring.length;
        size++;
        insert(h);
    }

    /**
     * Keeps the newest {@code capacity} ids (the destination's cache size was lowered), in a ring no longer than
     * that: the ring's length never passes the capacity, so the oldest id goes exactly when the capacity is reached,
     * on every replica alike.
     */
    void trimTo(int capacity) {
        if (ring.length <= capacity) {
            return;
        }
        long[] old = ordered();
        long[] kept = new long[Math.max(0, Math.min(size, capacity))];
        System.arraycopy(old, old.length - kept.length, kept, 0, kept.length);
        rebuild(kept, kept.length);
    }

    /** A ring of {@code length} holding {@code hashes} (oldest first) and its index. */
    private void rebuild(long[] hashes, int length) {
        if (length == 0) {
            ring = NONE;
            index = NONE;
            size = 0;
            next = 0;
            return;
        }
        ring = new long[length];
        index = new long[Integer.highestOneBit(Math.max(2, length + length / 2) - 1) << 1];
        size = 0;
        next = 0;
        for (long h : hashes) {
            ring[next++] = h;
            size++;
            insert(h);
        }
        next %= length;
    }

    /** The remembered hashes, oldest first. */
    private long[] ordered() {
        long[] out = new long[size];
        int start = (next - size + ring.length) % Math.max(1, ring.length);
        for (int i = 0; i < size; i++) {
            out[i] = ring[(start + i) % ring.length];
        }
        return out;
    }

    private void insert(long h) {
        int mask = index.length - 1;
        int i = (int) h & mask;
        while (index[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        index[i] = h;
    }

    private int slotOf(long h) {
        int mask = index.length - 1;
        int i = (int) h & mask;
        while (index[i] != EMPTY) {
            if (index[i] == h) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    /** Deletion with backward shift, so probe chains stay unbroken. */
    private void removeFromIndex(long h) {
        int mask = index.length - 1;
        int i = slotOf(h);
        if (i < 0) {
            return;
        }
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (index[j] == EMPTY) {
                break;
            }
            int home = (int) index[j] & mask;
            // move index[j] into the hole at i unless its home lies cyclically in (i, j]
            if (i <= j ? (home <= i || home > j) : (home <= i && home > j)) {
                index[i] = index[j];
                i = j;
            }
        }
        index[i] = EMPTY;
    }

    /** FNV-1a over the UTF-8 bytes, then a 64-bit finalizer; never EMPTY. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == EMPTY ? 1 : h;
    }

    void write(ObjectDataOutput out) throws IOException {
        long[] hashes = ordered();
        out.writeInt(hashes.length);
        for (long h : hashes) {
            out.writeLong(h);
        }
    }

    void read(ObjectDataInput in) throws IOException {
        int n = in.readInt();
        long[] hashes = new long[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = in.readLong();
        }
        rebuild(hashes, n);
    }
}
