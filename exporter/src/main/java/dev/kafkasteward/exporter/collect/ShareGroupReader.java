package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.exporter.observation.ShareGroupObservation;
import dev.kafkasteward.exporter.observation.Stage;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.clients.admin.ShareMemberDescription;
import org.apache.kafka.clients.admin.SharePartitionOffsetInfo;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Share groups in two requests per coordinator, both in flight together: DescribeShareGroups (state,
 * members, assignments) and DescribeShareGroupOffsets (per share-partition the start offset and, from
 * brokers with KIP-1226, the backlog). A group the cycle's listing found empty is not described: it has
 * no members to tell of. A group deleted since it was listed is gone, not an error.
 */
final class ShareGroupReader {

    private final Admin admin;
    private final Predicate<String> topicFilter;

    ShareGroupReader(Admin admin, Predicate<String> topicFilter) {
        this.admin = admin;
        this.topicFilter = topicFilter;
    }

    /** What was read, and the groups their coordinators say no longer exist. */
    record Read(Map<String, ShareGroupObservation> groups, Set<String> gone) {
    }

    /**
     * @param listedEmpty those of {@code groupIds} listed empty in this cycle
     * @param timeoutMs   what is left of the cycle's deadline, asked before each wait
     */
    Read read(List<String> groupIds, Set<String> listedEmpty, LongSupplier timeoutMs, CycleErrors errors) {
        if (groupIds.isEmpty()) {
            return new Read(Map.of(), Set.of());
        }
        List<String> toDescribe = groupIds.stream().filter(g -> !listedEmpty.contains(g)).toList();
        Map<String, KafkaFuture<ShareGroupDescription>> described = toDescribe.isEmpty() ? Map.of()
                : admin.describeShareGroups(toDescribe).describedGroups();
        Map<String, ListShareGroupOffsetsSpec> specs = new HashMap<>();
        groupIds.forEach(g -> specs.put(g, new ListShareGroupOffsetsSpec()));
        var offsets = admin.listShareGroupOffsets(specs);
        Map<String, ShareGroupObservation> out = new TreeMap<>();
        Set<String> gone = new java.util.TreeSet<>();
        for (String groupId : groupIds) {
            try {
                KafkaFuture<ShareGroupDescription> description = described.get(groupId);
                ShareGroupDescription d = description == null ? null
                        : description.get(timeoutMs.getAsLong(), TimeUnit.MILLISECONDS);
                if (d != null && d.groupState() == GroupState.DEAD) {
                    gone.add(groupId);
                    continue;
                }
                Map<TopicPartition, SharePartitionOffsetInfo> positions = offsets.partitionsToOffsetInfo(groupId)
                        .get(timeoutMs.getAsLong(), TimeUnit.MILLISECONDS);
                out.put(groupId, new ShareGroupObservation(groupId,
                        d == null ? "empty" : d.groupState().toString().toLowerCase(Locale.ROOT),
                        d == null ? List.of() : members(d), positions(positions)));
            } catch (Exception e) {
                if (KafkaCollector.deleted(e)) {
                    gone.add(groupId);
                } else {
                    errors.record(Stage.SHARE_GROUPS, e);
                }
            }
        }
        return new Read(out, gone);
    }

    private List<ShareGroupObservation.Member> members(ShareGroupDescription d) {
        List<ShareGroupObservation.Member> members = new ArrayList<>();
        for (ShareMemberDescription m : d.members()) {
            Set<TopicPartitionId> assigned = m.assignment().topicPartitions().stream()
                    .filter(tp -> topicFilter.test(tp.topic())).map(Partitions::id).collect(Collectors.toSet());
            members.add(new ShareGroupObservation.Member(m.consumerId(), m.clientId(), m.host(), assigned));
        }
        return members;
    }

    /** A share-partition the group never read from comes back without offsets (null): it gets no series. */
    private Map<TopicPartitionId, ShareGroupObservation.SharePosition> positions(
            Map<TopicPartition, SharePartitionOffsetInfo> infos) {
        Map<TopicPartitionId, ShareGroupObservation.SharePosition> out = new HashMap<>();
        infos.forEach((tp, info) -> {
            if (info != null && topicFilter.test(tp.topic())) {
                OptionalLong backlog = info.lag().map(OptionalLong::of).orElse(OptionalLong.empty());
                out.put(Partitions.id(tp), new ShareGroupObservation.SharePosition(info.startOffset(), backlog));
            }
        });
        return out;
    }

    /**
     * The Admin calls one cycle's share groups cost (each with its FindCoordinator): offsets for all,
     * descriptions for those not listed empty.
     */
    static int calls(long shareGroups, long notEmpty) {
        return (shareGroups == 0 ? 0 : 1) + (notEmpty == 0 ? 0 : 1);
    }
}
