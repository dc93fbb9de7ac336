package io.hazeljms.store;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The ids of the last {@link #CAPACITY} messages stored on a destination, as 64-bit hashes: a send made again
 * because its first attempt's outcome was in doubt, or a commit completed by a survivor, finds its messages
 * here even when they were consumed meanwhile, and adds nothing. A ring of hashes with an open-addressing
 * index: a few dozen kilobytes for a busy destination, nothing for an idle one. Deterministic, so primary and
 * backups hold the same ids; serialized with the destination.
 */
final class RecentIds {

    static final int CAPACITY = 4096;
    private static final long EMPTY = 0;

    private long[] ring = new long[0];
    private int next;
    private int size;
    /** Open addressing, linear probing, twice the ring's size; EMPTY marks a free slot. */
    private long[] index = new long[0];

    boolean contains(String id) {
        return size > 0 && slotOf(hash(id)) >= 0;
    }

    /** Remembers an id, forgetting the oldest beyond the capacity. */
    void add(String id) {
        long h = hash(id);
        if (size > 0 && slotOf(h) >= 0) {
            return;
        }
        if (size == ring.length && ring.length < CAPACITY) {
            grow();
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

    private void grow() {
        int capacity = Math.min(CAPACITY, Math.max(16, ring.length * 2));
        long[] old = ordered();
        ring = new long[capacity];
        index = new long[capacity * 2];
        size = 0;
        next = 0;
        for (long h : old) {
            ring[next++] = h;
            size++;
            insert(h);
        }
        next %= capacity;
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
        for (int i = 0; i < n; i++) {
            long h = in.readLong();
            if (size == ring.length) {
                grow();
            }
            ring[next] = h;
            next = (next + 1) % ring.length;
            size++;
            insert(h);
        }
    }
}
