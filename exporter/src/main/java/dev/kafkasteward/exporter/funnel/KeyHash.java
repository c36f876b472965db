package dev.kafkasteward.exporter.funnel;

/**
 * 64-bit hash of correlation keys (MurmurHash64A mixing), so that a tracked key costs 8 bytes
 * whatever its length. Two distinct keys collide with probability about n²/2⁶⁵ among n keys: about
 * 3·10⁻⁸ at one million keys — a collision merges two keys' progress, it never loses a count.
 * 0 means "no key"; a real hash of 0 is mapped to 1.
 */
final class KeyHash {

    static final long NONE = 0L;

    private static final long M = 0xc6a4a7935bd1e995L;
    private static final int R = 47;
    private static final long SEED = 0x9747b28c5bd1e995L;

    private KeyHash() {
    }

    static long ofNullable(byte[] data) {
        return data == null ? NONE : ofBytes(data, 0, data.length);
    }

    static long ofBytes(byte[] data, int offset, int length) {
        long h = SEED ^ (length * M);
        int end = offset + (length & ~7);
        int i = offset;
        for (; i < end; i += 8) {
            long k = (data[i] & 0xffL) | (data[i + 1] & 0xffL) << 8 | (data[i + 2] & 0xffL) << 16
                    | (data[i + 3] & 0xffL) << 24 | (data[i + 4] & 0xffL) << 32 | (data[i + 5] & 0xffL) << 40
                    | (data[i + 6] & 0xffL) << 48 | (data[i + 7] & 0xffL) << 56;
            h = mixBlock(h, k);
        }
        int rest = offset + length - i;
        if (rest > 0) {
            long k = 0;
            for (int j = rest - 1; j >= 0; j--) {
                k = k << 8 | (data[i + j] & 0xffL);
            }
            h ^= k;
            h *= M;
        }
        return finish(h);
    }

    /** Hash of UTF-16 text, four chars per block; used for JSON values without decoding them to bytes. */
    static long ofChars(char[] data, int offset, int length) {
        long h = SEED ^ (length * M);
        int end = offset + (length & ~3);
        int i = offset;
        for (; i < end; i += 4) {
            long k = data[i] | (long) data[i + 1] << 16 | (long) data[i + 2] << 32 | (long) data[i + 3] << 48;
            h = mixBlock(h, k);
        }
        int rest = offset + length - i;
        if (rest > 0) {
            long k = 0;
            for (int j = rest - 1; j >= 0; j--) {
                k = k << 16 | data[i + j];
            }
            h ^= k;
            h *= M;
        }
        return finish(h);
    }

    private static long mixBlock(long h, long k) {
        k *= M;
        k ^= k >>> R;
        k *= M;
        h ^= k;
        return h * M;
    }

    private static long finish(long h) {
        h ^= h >>> R;
        h *= M;
        h ^= h >>> R;
        return h == NONE ? 1L : h;
    }
}
