package dev.kafkasteward.exporter.disk;

import java.time.Instant;

/**
 * One reading of a log dir's volume.
 *
 * @param totalBytes  volume size
 * @param usableBytes usable space left on the volume
 * @param usedBytes   Kafka's own data in the log dir
 */
public record DiskSample(Instant at, long totalBytes, long usableBytes, long usedBytes) {

    /** Space taken on the volume by anything: what exhausts it. */
    public long consumedBytes() {
        return totalBytes - usableBytes;
    }
}
