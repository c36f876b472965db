package dev.kafkasteward.exporter.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkasteward.exporter.observation.PartitionReplicas;
import dev.kafkasteward.exporter.observation.TopicMetadata;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class OfflineCoordinatorsTest {

    private static TopicMetadata offsetsTopic(OptionalInt... leaders) {
        List<PartitionReplicas> partitions = new java.util.ArrayList<>();
        for (int p = 0; p < leaders.length; p++) {
            partitions.add(new PartitionReplicas(new TopicPartitionId("__consumer_offsets", p), leaders[p],
                    List.of(1), List.of(1)));
        }
        return new TopicMetadata("__consumer_offsets", true, partitions);
    }

    private static String groupOn(int partition, int partitions) {
        for (int i = 0; ; i++) {
            if (Utils.abs(("g" + i).hashCode()) % partitions == partition) {
                return "g" + i;
            }
        }
    }

    @Test
    void onlyAGroupKnownToLiveInAnOfflinePartitionMakesTheListingIncomplete() {
        OfflineCoordinators c = OfflineCoordinators.of(List.of(offsetsTopic(OptionalInt.of(1), OptionalInt.empty(),
                OptionalInt.of(2))));
        assertEquals(Set.of(1), c.offline());
        String onOffline = groupOn(1, 3);
        String elsewhere = groupOn(2, 3);
        assertEquals(Optional.of(onOffline), c.affected(List.of(elsewhere, onOffline)));
        assertEquals(Optional.empty(), c.affected(List.of(elsewhere)), "no watched group lives there");
        assertEquals(Optional.of("(groups not listed yet)"), c.affected(List.of()), "unknown: assume the worst");
    }

    @Test
    void allLeadersOrNoOffsetsTopicIsNothingOffline() {
        assertEquals(Optional.empty(), OfflineCoordinators.of(List.of(offsetsTopic(OptionalInt.of(1))))
                .affected(List.of()));
        assertEquals(OfflineCoordinators.NONE, OfflineCoordinators.of(List.of()));
    }
}
