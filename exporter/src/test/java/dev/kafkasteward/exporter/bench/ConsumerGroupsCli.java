package dev.kafkasteward.exporter.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.consumer.group.ConsumerGroupCommand;

/**
 * {@code kafka-consumer-groups --describe --all-groups}, run in-process and parsed: the yardstick
 * for both the exporter's lag values and its speed.
 */
final class ConsumerGroupsCli {

    /**
     * What the command printed.
     *
     * @param millis wall time of the command
     * @param lag    the LAG column per group/topic/partition; partitions showing "-" are absent
     * @param rows   data rows seen, with or without a lag
     */
    record Result(long millis, Map<Workload.Key, Long> lag, int rows, String output, String errors) {
    }

    private ConsumerGroupsCli() {
    }

    static Result describeAllGroups(String bootstrapServers) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ByteArrayOutputStream errBuffer = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        // The tool exits the JVM on usage errors; here that must be a failure, not the end of the run.
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("kafka-consumer-groups exited with " + code + ": " + message);
        });
        long start = System.nanoTime();
        try {
            // The tool prints its table with System.out.printf; nothing else of ours prints meanwhile.
            System.setOut(new PrintStream(buffer, false, StandardCharsets.UTF_8));
            // Its notes ("has no active members", one per empty group) go to stderr.
            System.setErr(new PrintStream(errBuffer, false, StandardCharsets.UTF_8));
            ConsumerGroupCommand.main(new String[] {"--bootstrap-server", bootstrapServers, "--describe",
                "--all-groups", "--timeout", "120000"});
            System.out.flush();
            System.err.flush();
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            Exit.resetExitProcedure();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String output = buffer.toString(StandardCharsets.UTF_8);
        String errors = errBuffer.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> !l.isBlank() && !l.contains("has no active members"))
                .collect(java.util.stream.Collectors.joining("\n"));
        return parse(millis, output, errors);
    }

    /**
     * Data rows are {@code GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID HOST
     * CLIENT-ID}; headers, blank lines and notes ("has no active members") are skipped.
     */
    static Result parse(long millis, String output, String errors) {
        Map<Workload.Key, Long> lag = new HashMap<>();
        int rows = 0;
        for (String line : output.split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length < 6 || cols[0].equals("GROUP") || !cols[2].matches("\\d+")) {
                continue;
            }
            rows++;
            if (cols[5].matches("\\d+")) {
                lag.put(new Workload.Key(cols[0], cols[1], Integer.parseInt(cols[2])), Long.parseLong(cols[5]));
            }
        }
        return new Result(millis, lag, rows, output, errors);
    }
}
