package dev.kafkasteward.exporter.bench;

import java.util.Map;

/**
 * The size of a benchmark cluster and how long to measure it. Each group consumes
 * {@code topicsPerGroup} consecutive topics (wrapping around), so groups overlap on topics the way
 * several services read the same stream.
 *
 * @param name           preset name, or "custom"
 * @param topics         topics created
 * @param partitions     partitions per topic
 * @param groups         consumer groups with committed offsets
 * @param topicsPerGroup topics each group has committed offsets on
 * @param records        records produced per partition
 * @param cycles         collection cycles measured
 * @param scrapes        most /metrics scrapes timed (also bounded by {@code scrapeSeconds})
 * @param scrapeSeconds  longest time spent on timed scrapes
 * @param clusterHeap    -Xmx of the JVM that hosts the brokers
 */
public record BenchScale(String name, int topics, int partitions, int groups, int topicsPerGroup, int records,
                         int cycles, int scrapes, int scrapeSeconds, String clusterHeap) {

    /** The scales of issue 3: ~240 partitions/50 groups, ~4,800/500, ~20,000/2,000 (see large). */
    public static final Map<String, BenchScale> PRESETS = Map.of(
            "tiny", new BenchScale("tiny", 3, 10, 5, 2, 5, 3, 20, 10, "512m"),
            "small", new BenchScale("small", 24, 10, 50, 2, 5, 10, 1_000, 60, "768m"),
            "medium", new BenchScale("medium", 240, 20, 500, 2, 5, 10, 1_000, 60, "1536m"),
            // 19,400 rather than 20,000 partitions: every partition keeps its active segment open,
            // the brokers share one JVM (~370 more files), and this machine's hard limit of open
            // files is 20,000.
            "large", new BenchScale("large", 970, 20, 2_000, 2, 5, 24, 1_000, 90, "3g"));

    public BenchScale {
        if (topics < 1 || partitions < 1 || groups < 1 || records < 1 || cycles < 2 || scrapes < 1) {
            throw new IllegalArgumentException("topics, partitions, groups, records and scrapes must be >= 1,"
                    + " cycles >= 2");
        }
        if (topicsPerGroup < 1 || topicsPerGroup > topics) {
            throw new IllegalArgumentException("topics-per-group must be between 1 and topics (" + topics + ")");
        }
    }

    public int totalPartitions() {
        return topics * partitions;
    }

    /** Partitions with a committed offset, summed over groups: the number of lag series. */
    public long groupPartitions() {
        return (long) groups * topicsPerGroup * partitions;
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
            String v = args[i + 1];
            s = switch (args[i]) {
                case "--topics" -> new BenchScale("custom", num(v), s.partitions, s.groups,
                        Math.min(s.topicsPerGroup, num(v)), s.records, s.cycles, s.scrapes, s.scrapeSeconds, s.clusterHeap);
                case "--partitions" -> new BenchScale("custom", s.topics, num(v), s.groups, s.topicsPerGroup,
                        s.records, s.cycles, s.scrapes, s.scrapeSeconds, s.clusterHeap);
                case "--groups" -> new BenchScale("custom", s.topics, s.partitions, num(v), s.topicsPerGroup,
                        s.records, s.cycles, s.scrapes, s.scrapeSeconds, s.clusterHeap);
                case "--topics-per-group" -> new BenchScale("custom", s.topics, s.partitions, s.groups, num(v),
                        s.records, s.cycles, s.scrapes, s.scrapeSeconds, s.clusterHeap);
                case "--records" -> new BenchScale("custom", s.topics, s.partitions, s.groups, s.topicsPerGroup,
                        num(v), s.cycles, s.scrapes, s.scrapeSeconds, s.clusterHeap);
                // Measurement length does not change the cluster: the preset name stays.
                case "--cycles" -> new BenchScale(s.name, s.topics, s.partitions, s.groups, s.topicsPerGroup,
                        s.records, num(v), s.scrapes, s.scrapeSeconds, s.clusterHeap);
                case "--scrapes" -> new BenchScale(s.name, s.topics, s.partitions, s.groups, s.topicsPerGroup,
                        s.records, s.cycles, num(v), s.scrapeSeconds, s.clusterHeap);
                case "--cluster-heap" -> new BenchScale(s.name, s.topics, s.partitions, s.groups, s.topicsPerGroup,
                        s.records, s.cycles, s.scrapes, s.scrapeSeconds, v);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (known: --topics,"
                        + " --partitions, --groups, --topics-per-group, --records, --cycles, --scrapes, --cluster-heap)");
            };
        }
        return s;
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
