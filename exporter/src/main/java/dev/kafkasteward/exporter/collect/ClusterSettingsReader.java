package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.exporter.observation.BrokerThrottle;
import dev.kafkasteward.exporter.observation.ClusterSettings;
import dev.kafkasteward.exporter.observation.Stage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeFeaturesResult;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Feature levels (one DescribeFeatures) and each broker's replication throttle (one DescribeConfigs per
 * broker: a broker describes only its own config), cached: they change when an operator starts a
 * reassignment or finalizes an upgrade, so they are read again only when the caller says so
 * ({@link ReadSchedule.Read#SETTINGS}); in between the last answer is served. A broker not read yet is read
 * in the next cycle; one no longer asked about is forgotten; a failed read keeps the last answer.
 */
final class ClusterSettingsReader {

    private final Admin admin;
    private Optional<SortedMap<String, Short>> features = Optional.empty();
    private final Map<Integer, BrokerThrottle> throttles = new TreeMap<>();
    private boolean throttlesRead;

    ClusterSettingsReader(Admin admin) {
        this.admin = admin;
    }

    /**
     * Settings of {@code brokers}: everything again when {@code refresh}, else only what was never read,
     * awaited for at most {@code budget} in all.
     */
    ClusterSettings read(Set<Integer> brokers, boolean refresh, Duration budget, CycleErrors errors) {
        throttles.keySet().retainAll(brokers);
        boolean readFeatures = refresh || features.isEmpty();
        List<Integer> due = brokers.stream().filter(b -> refresh || !throttles.containsKey(b)).toList();
        DescribeFeaturesResult described = readFeatures ? admin.describeFeatures() : null;
        Map<ConfigResource, KafkaFuture<Config>> configs = due.isEmpty() ? Map.of()
                : admin.describeConfigs(due.stream().map(b -> new ConfigResource(ConfigResource.Type.BROKER,
                        Integer.toString(b))).toList()).values();
        Deadline deadline = Deadline.in(budget);
        if (described != null) {
            try {
                Map<String, FinalizedVersionRange> finalized = described.featureMetadata()
                        .get(deadline.remainingMs(), TimeUnit.MILLISECONDS).finalizedFeatures();
                SortedMap<String, Short> levels = new TreeMap<>();
                finalized.forEach((name, range) -> levels.put(name, range.maxVersionLevel()));
                features = Optional.of(levels);
            } catch (Exception e) {
                errors.record(Stage.DESCRIBE_FEATURES, e);
            }
        }
        configs.forEach((resource, future) -> {
            try {
                Map<String, String> values = new HashMap<>();
                for (ConfigEntry entry : future.get(deadline.remainingMs(), TimeUnit.MILLISECONDS).entries()) {
                    if (entry.value() != null) {
                        values.put(entry.name(), entry.value());
                    }
                }
                throttles.put(Integer.parseInt(resource.name()), BrokerThrottle.resolve(values));
                throttlesRead = true;
            } catch (Exception e) {
                errors.record(Stage.DESCRIBE_BROKER_CONFIGS, e);
            }
        });
        return new ClusterSettings(features, throttlesRead ? Optional.of(new TreeMap<>(throttles)) : Optional.empty());
    }
}
