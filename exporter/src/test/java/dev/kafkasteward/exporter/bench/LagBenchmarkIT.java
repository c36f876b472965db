package dev.kafkasteward.exporter.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The benchmark at a tiny scale, so its code path and its lag check (acceptance 5: the exporter's
 * lag equals {@code kafka-consumer-groups --describe} for every partition of every group; with issue
 * 19, streams groups' lag and share groups' backlog equal the offsets the benchmark set) stay
 * honest in CI. Asserts correctness only, never speed: figures depend on the machine.
 */
class LagBenchmarkIT {

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void servedLagEqualsKafkaConsumerGroupsAndTheTruthForEveryPartitionOfEveryGroupKind() throws Exception {
        BenchScale tiny = BenchScale.PRESETS.get("tiny");
        LagBenchmark.Result r = LagBenchmark.run(tiny, System.out);

        assertEquals(java.util.List.of(), r.cliMismatches(), "exporter vs kafka-consumer-groups");
        assertEquals(java.util.List.of(), r.truthMismatches(), "exporter vs the offsets the benchmark committed");
        assertEquals(java.util.List.of(), r.backlogMismatches(), "share backlog vs the start offsets the benchmark set");
        assertEquals(tiny.groupPartitions() + tiny.streamsGroupPartitions(), r.lagSeries(),
                "one lag series per committed partition of consumer and streams groups");
        assertEquals(tiny.sharePartitions(), r.backlogSeries(), "one backlog series per share-partition");
        assertEquals(tiny.groups() + tiny.streamsGroups(), r.groupsCompared());
        assertEquals(tiny.groupPartitions(), r.cliRows(), "the command printed a row per committed partition");
        assertEquals(tiny.cycles(), r.cycles().size());
        assertEquals(0, r.failedCycles(), () -> "errors: " + r.errors());
        assertTrue(r.cycles().stream().allMatch(c -> c.admin() > 0), "every cycle counts its Admin requests");
        assertTrue(r.metricsBytes() > 0 && !r.scrapeMicros().isEmpty());
    }
}
