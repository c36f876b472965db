package dev.kafkasteward.exporter.change;

import dev.kafkasteward.exporter.observation.BrokerThrottle;
import dev.kafkasteward.exporter.observation.CycleAnalyzer;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.TopicConfig;
import dev.kafkasteward.exporter.observation.TopicMetadata;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a cycle's observation into its {@link ChangeSnapshot}: reassignment progress (stateful, see
 * {@link ReassignmentTracker}), throttles from broker and topic configs, and feature levels. No I/O.
 */
public final class ChangeAnalyzer implements CycleAnalyzer<ChangeSnapshot> {

    private final ReassignmentTracker reassignments = new ReassignmentTracker();

    @Override
    public ChangeSnapshot analyze(Observation observation) {
        TreeMap<Integer, BrokerThrottle> brokers = new TreeMap<>();
        observation.cluster().settings().throttles().ifPresent(t -> t.forEach((id, throttle) -> {
            if (throttle.any()) {
                brokers.put(id, throttle);
            }
        }));
        TreeMap<String, TopicThrottle> topics = new TreeMap<>();
        Map<String, TopicConfig> configs = observation.topicConfigs();
        for (TopicMetadata t : observation.topics()) {
            TopicConfig c = configs.get(t.name());
            if (c != null && (c.leaderThrottled().any() || c.followerThrottled().any())) {
                int replicas = t.partitions().stream().mapToInt(p -> p.replicas().size()).sum();
                topics.put(t.name(), new TopicThrottle(c.leaderThrottled().count(replicas),
                        c.followerThrottled().count(replicas)));
            }
        }
        return new ChangeSnapshot(reassignments.track(observation), brokers, topics,
                observation.cluster().settings().features());
    }
}
