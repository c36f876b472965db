package dev.kafkasteward.exporter.lag;

/**
 * When each offset of one partition was written, learnt from log-end observations: a point
 * (e, t) says the log ended at offset e at time t, so the record at offset c, for
 * e_j ≤ c < e_j+1, was written in (t_j, t_j+1]. Bounded: past {@code capacity} points, the
 * interior point whose removal costs the least precision, relative to its age, is dropped; so the
 * table stays dense where production changed pace and where offsets are recent.
 *
 * <p>Mutable and single-threaded: owned by the collection loop's {@link LagHistory}.
 */
final class OffsetTimeline {

    /** The estimated write time of an offset and the width of the interval it is known to lie in. */
    record Bracket(long estimateMs, long widthMs) {
    }

    private final long[] offsets;
    private final long[] times;
    private int size;

    OffsetTimeline(int capacity) {
        if (capacity < 3) {
            throw new IllegalArgumentException("capacity must be at least 3");
        }
        offsets = new long[capacity + 1];
        times = new long[capacity + 1];
    }

    /**
     * Records that the log ended at {@code logEnd} at {@code timeMs}.
     *
     * @return whether the log went back (truncated, or the topic recreated): offsets seen before no
     *         longer name the same records
     */
    boolean observe(long logEnd, long timeMs) {
        boolean logWentBack = false;
        if (size > 0) {
            long lastOffset = offsets[size - 1];
            if (logEnd < lastOffset || timeMs < times[size - 1]) {
                logWentBack = logEnd < lastOffset;
                size = 0; // truncated or recreated log, or a clock step back: start over
            } else if (logEnd == lastOffset) {
                times[size - 1] = timeMs; // nothing new since: a tighter lower bound for the next record
                return false;
            }
        }
        offsets[size] = logEnd;
        times[size] = timeMs;
        size++;
        if (size == offsets.length) {
            dropLeastUseful(timeMs);
        }
        return logWentBack;
    }

    /** Where {@code offset} was written, or null when the table does not reach that far back. */
    Bracket bracket(long offset) {
        int j = lastAtOrBelow(offset);
        if (j < 0 || j + 1 >= size) {
            return null;
        }
        long e0 = offsets[j];
        long e1 = offsets[j + 1];
        long t0 = times[j];
        long t1 = times[j + 1];
        // Records e0..e1-1 arrived during (t0, t1]; spread them evenly, each at the middle of its share.
        double fraction = (offset - e0 + 0.5) / (double) (e1 - e0);
        return new Bracket(t0 + Math.round(fraction * (t1 - t0)), t1 - t0);
    }

    int size() {
        return size;
    }

    private int lastAtOrBelow(long offset) {
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (offsets[mid] <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private void dropLeastUseful(long nowMs) {
        int victim = -1;
        double best = Double.MAX_VALUE;
        for (int i = 1; i < size - 1; i++) {
            double span = offsets[i + 1] - offsets[i - 1];
            double predicted = times[i - 1] + (offsets[i] - offsets[i - 1]) / span * (times[i + 1] - times[i - 1]);
            double cost = Math.abs(predicted - times[i]) / (double) (nowMs - times[i] + 1000);
            if (cost < best) {
                best = cost;
                victim = i;
            }
        }
        System.arraycopy(offsets, victim + 1, offsets, victim, size - victim - 1);
        System.arraycopy(times, victim + 1, times, victim, size - victim - 1);
        size--;
    }
}
