package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.exporter.observation.ShareGroupObservation;
import dev.kafkasteward.exporter.observation.Stage;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeShareGroupsOptions;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsResult;
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
 *
 * <p>Brokers answer share-group offsets slowly when a request names several groups: Kafka 4.3.1 took about
 * 50 ms per group (2.4 s for 50 groups on 3 brokers, where 50 one-group requests took 0.2-0.6 s together;
 * {@code ShareOffsetsProbe}). Asking a group per request would cost two requests per group and cycle, so
 * instead one answer is asked at a time and the cycle that asks it waits for it at most {@link #WAIT} (not at
 * all once an answer took longer, see {@link #waitMs}): what has not arrived by then is collected by a later
 * cycle (which does not wait), and meanwhile each group's last answer is served, with its
 * time ({@link ShareGroupObservation#askedAt}). So is a group's last answer when reading it failed, for up
 * to {@link #CARRIED_ANSWERS} answers in a row.
 */
final class ShareGroupReader {

    /** The longest a cycle waits for an answer in flight. */
    static final Duration WAIT = Duration.ofSeconds(1);
    /** Answers in a row that may fail for a group while its last one is served. */
    static final int CARRIED_ANSWERS = 3;
    /** An answer still missing after this is given up (the Admin client times out its calls). */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    private final Admin admin;
    private final Predicate<String> topicFilter;
    /** The answer asked and not collected yet; at most one. */
    private Asked asked;
    private final ShareAnswers answers = new ShareAnswers(CARRIED_ANSWERS);
    /** How long the last answer took from asked to collected (an upper bound: collected by a later cycle). */
    private long lastAnswerMillis;

    ShareGroupReader(Admin admin, Predicate<String> topicFilter) {
        this.admin = admin;
        this.topicFilter = topicFilter;
    }

    /** What is served this cycle, and the groups their coordinators said no longer exist. */
    record Read(Map<String, ShareGroupObservation> groups, Set<String> gone) {
    }

    /** One answer in flight: when it was asked (and on the monotonic clock), and for which groups. */
    private record Asked(Instant at, long nanos, List<String> groupIds,
                         Map<String, KafkaFuture<ShareGroupDescription>> described, ListShareGroupOffsetsResult offsets) {

        KafkaFuture<Void> all() {
            List<KafkaFuture<?>> futures = new ArrayList<>(described.values());
            futures.add(offsets.all());
            return KafkaFuture.allOf(futures.toArray(KafkaFuture[]::new));
        }
    }

    /** The share-partitions of the answers served: their log ends place the oldest records not acknowledged. */
    Set<TopicPartitionId> answeredPartitions() {
        return answers.partitions();
    }

    /**
     * How long the cycle that asked an answer may wait for it: up to {@link #WAIT} (and {@code timeLeftMs}) while
     * answers come that fast — then a cycle serves its own answer — and not at all once the last one took longer:
     * waiting for an answer that will not come in time only makes the cycle late.
     */
    long waitMs(long timeLeftMs) {
        return lastAnswerMillis <= WAIT.toMillis() ? Math.max(0, Math.min(WAIT.toMillis(), timeLeftMs)) : 0;
    }

    /** No answer in flight: the next {@link #ask} asks one. */
    boolean idle() {
        return asked == null;
    }

    /**
     * Asks {@code groupIds} (those in {@code listedEmpty} without a description) unless an answer is in flight;
     * its groups wait for the next one.
     */
    void ask(List<String> groupIds, Set<String> listedEmpty, Instant now) {
        if (asked != null || groupIds.isEmpty()) {
            return;
        }
        int timeoutMs = (int) ANSWER_TIMEOUT.toMillis();
        List<String> toDescribe = groupIds.stream().filter(g -> !listedEmpty.contains(g)).toList();
        Map<String, KafkaFuture<ShareGroupDescription>> described = toDescribe.isEmpty() ? Map.of()
                : admin.describeShareGroups(toDescribe, new DescribeShareGroupsOptions().timeoutMs(timeoutMs))
                        .describedGroups();
        Map<String, ListShareGroupOffsetsSpec> specs = new HashMap<>();
        groupIds.forEach(g -> specs.put(g, new ListShareGroupOffsetsSpec()));
        asked = new Asked(now, System.nanoTime(), List.copyOf(groupIds), described,
                admin.listShareGroupOffsets(specs, new ListShareGroupOffsetsOptions().timeoutMs(timeoutMs)));
    }

    /**
     * Collects the answer in flight if it arrives within {@code waitMs} (the cycle that asked it waits a little; a
     * later one knows it is slow and only looks), then returns what is served: every group's last answer, less
     * those gone and, after a {@code completeListing}, those no longer listed.
     */
    Read collect(Collection<String> listed, boolean completeListing, long waitMs, CycleErrors errors) {
        Set<String> gone = new TreeSet<>();
        if (asked != null && arrived(asked, waitMs)) {
            lastAnswerMillis = (System.nanoTime() - asked.nanos()) / 1_000_000;
            harvest(asked, gone, errors);
            asked = null;
        }
        return new Read(answers.served(listed, completeListing), gone);
    }

    private static boolean arrived(Asked a, long waitMs) {
        try {
            a.all().get(Math.max(0, waitMs), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true; // complete, some of it failed: sorted out per group
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void harvest(Asked a, Set<String> gone, CycleErrors errors) {
        for (String groupId : a.groupIds()) {
            try {
                KafkaFuture<ShareGroupDescription> description = a.described().get(groupId);
                ShareGroupDescription d = description == null ? null : description.get();
                if (d != null && d.groupState() == GroupState.DEAD) {
                    gone.add(groupId);
                    answers.gone(groupId);
                    continue;
                }
                Map<TopicPartition, SharePartitionOffsetInfo> positions = a.offsets().partitionsToOffsetInfo(groupId)
                        .get();
                answers.answered(new ShareGroupObservation(groupId,
                        d == null ? "empty" : d.groupState().toString().toLowerCase(Locale.ROOT),
                        d == null ? List.of() : members(d), positions(positions), a.at()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (KafkaCollector.deleted(e)) {
                    gone.add(groupId);
                    answers.gone(groupId);
                } else {
                    errors.record(Stage.SHARE_GROUPS, e);
                    answers.failed(groupId);
                }
            }
        }
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
     * The Admin calls asking an answer costs (each with its FindCoordinator): offsets for all share groups,
     * descriptions for those not listed empty.
     */
    static int calls(long shareGroups, long notEmpty) {
        return (shareGroups == 0 ? 0 : 1) + (notEmpty == 0 ? 0 : 1);
    }
}
