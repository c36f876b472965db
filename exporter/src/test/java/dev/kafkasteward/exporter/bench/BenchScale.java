package dev.kafkasteward.exporter.bench;

import java.util.Map;

/**
 * The size of a benchmark cluster and how long to measure it. Each group consumes
 * {@code topicsPerGroup} consecutive topics (wrapping around), so groups overlap on topics the way
 * several services read the same stream; share and streams groups (issue 19) join the population
 * the same way.
 *
 * @param name           preset name, or "custom"
 * @param topics         topics created
 * @param partitions     partitions per topic
 * @param groups         consumer groups with committed offsets
 * @param shareGroups    share groups (KIP-932) with a start offset on their topics
 * @param streamsGroups  streams groups (KIP-1071), each created by a real Kafka Streams application
 * @param topicsPerGroup topics each group has committed offsets on
 * @param records        records produced per partition
 * @param cycles         collection cycles measured
 * @param scrapes        most /metrics scrapes timed (also bounded by {@code scrapeSeconds})
 * @param scrapeSeconds  longest time spent on timed scrapes
 * @param clusterHeap    -Xmx of the JVM that hosts the brokers
 */
public record BenchScale(String name, int topics, int partitions, int groups, int shareGroups, int streamsGroups,
                         int topicsPerGroup, int records, int cycles, int scrapes, int scrapeSeconds,
                         String clusterHeap) {

    /**
     * The scales of issue 3: ~240 partitions/50 groups, ~4,800/500, ~20,000/2,000 (see large); a
     * tenth as many share groups and a hundredth as many streams groups besides.
     */
    public static final Map<String, BenchScale> PRESETS = Map.of(
            "tiny", new BenchScale("tiny", 3, 10, 5, 2, 1, 2, 5, 3, 20, 10, "512m"),
            "small", new BenchScale("small", 24, 10, 50, 5, 1, 2, 5, 10, 1_000, 60, "768m"),
            "medium", new BenchScale("medium", 240, 20, 500, 50, 5, 2, 5, 10, 1_000, 60, "1536m"),
            // 19,200 rather than 20,000 partitions: every partition keeps its active segment open,
            // the brokers share one JVM (~370 more files, 50 for the share-group state topic), and
            // this machine's hard limit of open files is 20,000.
            "large", new BenchScale("large", 960, 20, 2_000, 200, 20, 2, 5, 24, 1_000, 90, "3g"));

    public BenchScale {
        if (topics < 1 || partitions < 1 || groups < 1 || records < 1 || cycles < 2 || scrapes < 1) {
            throw new IllegalArgumentException("topics, partitions, groups, records and scrapes must be >= 1,"
                    + " cycles >= 2");
        }
        if (shareGroups < 0 || streamsGroups < 0) {
            throw new IllegalArgumentException("share-groups and streams-groups must be >= 0");
        }
        if (topicsPerGroup < 1 || topicsPerGroup > topics) {
            throw new IllegalArgumentException("topics-per-group must be between 1 and topics (" + topics + ")");
        }
    }

    public int totalPartitions() {
        return topics * partitions;
    }

    /** Partitions with a committed offset, summed over consumer groups: the classic lag series. */
    public long groupPartitions() {
        return (long) groups * topicsPerGroup * partitions;
    }

    /** Partitions with a committed offset, summed over streams groups: lag series too. */
    public long streamsGroupPartitions() {
        return (long) streamsGroups * topicsPerGroup * partitions;
    }

    /** Share-partitions, summed over share groups: the backlog series. */
    public long sharePartitions() {
        return (long) shareGroups * topicsPerGroup * partitions;
    }

    /**
     * A preset followed by overrides, e.g. {@code medium --cycles 5 --groups 100}.
     *
     * @throws IllegalArgumentException with a one-line message naming what was wrong
     */
    public static BenchScale parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("missing preset (known: " + known() + ")");
        }
        BenchScale s = PRESETS.get(args[0]);
        if (s == null) {
            throw new IllegalArgumentException("unknown preset '" + args[0] + "' (known: " + known() + ")");
        }
        for (int i = 1; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            s = s.with(args[i], args[i + 1]);
        }
        return s;
    }

    /** This scale with one option changed; options of the cluster's shape rename it "custom". */
    private BenchScale with(String option, String v) {
        return switch (option) {
            case "--topics" -> new BenchScale("custom", num(v), partitions, groups, shareGroups, streamsGroups,
                    Math.min(topicsPerGroup, num(v)), records, cycles, scrapes, scrapeSeconds, clusterHeap);
            case "--partitions" -> new BenchScale("custom", topics, num(v), groups, shareGroups, streamsGroups,
                    topicsPerGroup, records, cycles, scrapes, scrapeSeconds, clusterHeap);
            case "--groups" -> new BenchScale("custom", topics, partitions, num(v), shareGroups, streamsGroups,
                    topicsPerGroup, records, cycles, scrapes, scrapeSeconds, clusterHeap);
            case "--share-groups" -> new BenchScale("custom", topics, partitions, groups, num(v), streamsGroups,
                    topicsPerGroup, records, cycles, scrapes, scrapeSeconds, clusterHeap);
            case "--streams-groups" -> new BenchScale("custom", topics, partitions, groups, shareGroups, num(v),
                    topicsPerGroup, records, cycles, scrapes, scrapeSeconds, clusterHeap);
            case "--topics-per-group" -> new BenchScale("custom", topics, partitions, groups, shareGroups,
                    streamsGroups, num(v), records, cycles, scrapes, scrapeSeconds, clusterHeap);
            case "--records" -> new BenchScale("custom", topics, partitions, groups, shareGroups, streamsGroups,
                    topicsPerGroup, num(v), cycles, scrapes, scrapeSeconds, clusterHeap);
            // Measurement length does not change the cluster: the preset name stays.
            case "--cycles" -> new BenchScale(name, topics, partitions, groups, shareGroups, streamsGroups,
                    topicsPerGroup, records, num(v), scrapes, scrapeSeconds, clusterHeap);
            case "--scrapes" -> new BenchScale(name, topics, partitions, groups, shareGroups, streamsGroups,
                    topicsPerGroup, records, cycles, num(v), scrapeSeconds, clusterHeap);
            case "--cluster-heap" -> new BenchScale(name, topics, partitions, groups, shareGroups, streamsGroups,
                    topicsPerGroup, records, cycles, scrapes, scrapeSeconds, v);
            default -> throw new IllegalArgumentException("unknown option " + option + " (known: --topics,"
                    + " --partitions, --groups, --share-groups, --streams-groups, --topics-per-group, --records,"
                    + " --cycles, --scrapes, --cluster-heap)");
        };
    }

    private static int num(String v) {
        try {
            return Integer.parseInt(v.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + v);
        }
    }

    private static String known() {
        return "tiny, small, medium, large";
    }
}
