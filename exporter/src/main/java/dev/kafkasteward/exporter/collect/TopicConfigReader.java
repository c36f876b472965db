package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.exporter.observation.Stage;
import dev.kafkasteward.exporter.observation.TopicConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Topic configs, cached: configs change rarely, so all topics are described again only when the
 * caller says so ({@link ReadSchedule.Read#TOPIC_CONFIGS}); in between only topics the cache has not
 * seen yet are described. At most one DescribeConfigs request per cycle. A topic whose describe fails
 * keeps its cached value (and its failure, counted, leaves the refresh due for the caller).
 */
final class TopicConfigReader {

    private final Admin admin;
    private final Map<String, TopicConfig> cache = new HashMap<>();

    TopicConfigReader(Admin admin) {
        this.admin = admin;
    }

    /**
     * Configs of {@code topics}: all of them described again when {@code refresh}, else those not
     * cached yet; a describe is awaited for at most {@code budget}.
     */
    Map<String, TopicConfig> read(Set<String> topics, boolean refresh, Duration budget, CycleErrors errors) {
        if (topics.isEmpty()) {
            return Map.copyOf(cache); // listing topics failed (or there are none): keep what we know
        }
        cache.keySet().retainAll(topics);
        List<String> wanted = new ArrayList<>();
        for (String t : topics) {
            if (refresh || !cache.containsKey(t)) {
                wanted.add(t);
            }
        }
        if (!wanted.isEmpty()) {
            describe(wanted, budget, errors);
        }
        return Map.copyOf(cache);
    }

    private void describe(Collection<String> topics, Duration budget, CycleErrors errors) {
        List<ConfigResource> resources = topics.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<ConfigResource, KafkaFuture<Config>> futures = admin.describeConfigs(resources).values();
        Deadline deadline = Deadline.in(budget);
        for (ConfigResource r : resources) {
            try {
                Config config = futures.get(r).get(deadline.remainingMs(), TimeUnit.MILLISECONDS);
                Map<String, String> values = new HashMap<>();
                for (ConfigEntry e : config.entries()) {
                    if (e.value() != null) {
                        values.put(e.name(), e.value());
                    }
                }
                cache.put(r.name(), TopicConfig.resolve(values));
            } catch (Exception e) {
                errors.record(Stage.DESCRIBE_CONFIGS, e);
            }
        }
    }
}
