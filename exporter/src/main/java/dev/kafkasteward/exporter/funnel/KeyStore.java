package dev.kafkasteward.exporter.funnel;

/**
 * Compact state of correlation keys of one partition: an open-addressing (linear probing) table of
 * parallel primitive arrays — 64-bit key hash, stages-reached bit mask (one byte, so at most 8
 * stages) and the second at which the key entered its furthest stage (int seconds since 2020, good
 * until 2088). 13 bytes a slot, at most 75% full: under 35 bytes a key, no object per key.
 * Deletion shifts entries back instead of leaving tombstones, so the table never degrades.
 */
final class KeyStore {

    /** Epoch of the stored seconds: 2020-01-01T00:00:00Z. */
    static final long EPOCH_SECONDS = 1_577_836_800L;

    private static final int MIN_CAPACITY = 16;

    private long[] hashes;
    private byte[] masks;
    private int[] entered;
    private int size;

    KeyStore() {
        allocate(MIN_CAPACITY);
    }

    static int toStoredSeconds(long epochMillis) {
        long s = Math.floorDiv(epochMillis, 1000L) - EPOCH_SECONDS;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, s));
    }

    int size() {
        return size;
    }

    int capacity() {
        return hashes.length;
    }

    /** The slot holding {@code hash}, or {@code -1 - insertionSlot} when absent. */
    int find(long hash) {
        int m = hashes.length - 1;
        int i = home(hash, m);
        while (true) {
            long h = hashes[i];
            if (h == hash) {
                return i;
            }
            if (h == KeyHash.NONE) {
                return -1 - i;
            }
            i = (i + 1) & m;
        }
    }

    /** Inserts an absent key; {@code notFound} is what {@link #find} returned for it. */
    void insert(int notFound, long hash, byte mask, int enteredSeconds) {
        if ((size + 1) * 4L > hashes.length * 3L) {
            grow();
            notFound = find(hash);
        }
        int slot = -1 - notFound;
        hashes[slot] = hash;
        masks[slot] = mask;
        entered[slot] = enteredSeconds;
        size++;
    }

    byte mask(int slot) {
        return masks[slot];
    }

    int entered(int slot) {
        return entered[slot];
    }

    void update(int slot, byte mask, int enteredSeconds) {
        masks[slot] = mask;
        entered[slot] = enteredSeconds;
    }

    /** Visits every key once; the visitor may ask to remove the key it is shown. */
    void sweep(Visitor visitor) {
        int cap = hashes.length;
        int m = cap - 1;
        // Start right after an empty slot: no probe run then spans the start, so back-shifting
        // only ever moves not-yet-visited entries into the current slot.
        int start = 0;
        while (hashes[start] != KeyHash.NONE) {
            start++;
        }
        int i = (start + 1) & m;
        for (int visited = 0; visited < cap; ) {
            if (hashes[i] != KeyHash.NONE && visitor.visit(masks[i], entered[i])) {
                removeAt(i);
                continue; // a later entry may have moved into slot i
            }
            i = (i + 1) & m;
            visited++;
        }
    }

    /** Sees one key: its stages mask and entry second; returns true to remove it. */
    @FunctionalInterface
    interface Visitor {
        boolean visit(byte mask, int enteredSeconds);
    }

    private void removeAt(int i) {
        int m = hashes.length - 1;
        int j = i;
        while (true) {
            j = (j + 1) & m;
            long h = hashes[j];
            if (h == KeyHash.NONE) {
                break;
            }
            int k = home(h, m);
            boolean staysPut = i <= j ? (i < k && k <= j) : (i < k || k <= j);
            if (!staysPut) {
                hashes[i] = h;
                masks[i] = masks[j];
                entered[i] = entered[j];
                i = j;
            }
        }
        hashes[i] = KeyHash.NONE;
        size--;
    }

    private void grow() {
        long[] oldHashes = hashes;
        byte[] oldMasks = masks;
        int[] oldEntered = entered;
        allocate(oldHashes.length * 2);
        int m = hashes.length - 1;
        for (int s = 0; s < oldHashes.length; s++) {
            long h = oldHashes[s];
            if (h != KeyHash.NONE) {
                int i = home(h, m);
                while (hashes[i] != KeyHash.NONE) {
                    i = (i + 1) & m;
                }
                hashes[i] = h;
                masks[i] = oldMasks[s];
                entered[i] = oldEntered[s];
            }
        }
    }

    private void allocate(int capacity) {
        hashes = new long[capacity];
        masks = new byte[capacity];
        entered = new int[capacity];
    }

    private static int home(long hash, int m) {
        return (int) (hash ^ (hash >>> 32)) & m;
    }
}
