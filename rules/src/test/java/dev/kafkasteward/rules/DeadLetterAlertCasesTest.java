package dev.kafkasteward.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.testing.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KafkaDeadLetterRecords as Prometheus evaluates it (promtool), in the cases the generated scenario
 * does not show: aborted dead letters only, dead letters written while the exporter was down, and
 * a transaction open for minutes and then aborted.
 */
class DeadLetterAlertCasesTest {

    private static final String SERIES = """
                  - series: 'kafka_steward_snapshot_age_seconds{cluster="orders-prod"}'
                    values: 0x8
                  - series: 'kafka_deadletter_records_written_total{cluster="orders-prod", topic="fulfillment.dlq.v1"}'
                    values: %s
                  - series: 'kafka_deadletter_offsets_skipped_total{cluster="orders-prod", topic="fulfillment.dlq.v1"}'
                    values: %s
                  - series: 'kafka_deadletter_records_read_total{cluster="orders-prod", topic="fulfillment.dlq.v1"}'
                    values: %s
                  - series: 'kafka_deadletter_unread_records{cluster="orders-prod", topic="fulfillment.dlq.v1"}'
                    values: %s
            """;

    private static String testCase(String name, String written, String skipped, String read, String unread,
                                   String expectations) {
        return "  - name: \"" + name + "\"\n    interval: 1m\n    input_series:\n"
                + SERIES.formatted(written, skipped, read, unread) + "    promql_expr_test:\n" + expectations;
    }

    /** The number of firing KafkaDeadLetterRecords alerts for the topic at {@code minute}. */
    private static String firing(int minute, int count) {
        return "      - expr: 'count(ALERTS{alertname=\"KafkaDeadLetterRecords\", alertstate=\"firing\","
                + " topic=\"fulfillment.dlq.v1\"}) or vector(0)'\n        eval_time: " + minute + "m\n"
                + "        exp_samples:\n          - labels: '{}'\n            value: " + count + "\n";
    }

    @Test
    void abortedDeadLettersDoNotFireUnjudgedOnesDoAndAnOpenTransactionWaits(@TempDir Path dir) {
        new RulesGenerator(RulesOptions.defaults()).generate(Fixtures.example()).writeTo(dir);
        String tests = "rule_files:\n  - rules/exporter.rules.yml\n  - rules/dead-letters.rules.yml\n"
                + "evaluation_interval: 1m\ntests:\n"
                // Two aborted records and their marker a minute: every offset skipped, nothing committed read.
                + testCase("aborted only", "1000+3x8", "0+3x8", "0x8", "0x8", firing(3, 0) + firing(6, 0))
                // Three offsets at 3m that the reader never judged (it started at the log end after them).
                + testCase("written while the exporter was down", "1000x3 1003x5", "0x8", "0x8", "0x8",
                        firing(4, 1) + firing(6, 1))
                // Two records of a transaction open from 2m to 4m (unread meanwhile), then aborted.
                + testCase("open, then aborted", "1000 1000 1002 1002 1003 1003 1003 1003 1003",
                        "0 0 0 0 3 3 3 3 3", "0x8", "0 0 2 2 0 0 0 0 0",
                        firing(2, 0) + firing(3, 0) + firing(4, 0) + firing(6, 0))
                // One committed dead letter beside an aborted transaction in the same minutes: it fires.
                + testCase("committed beside aborted", "1000 1000 1004 1004 1004 1004 1004 1004 1004",
                        "0 0 3 3 3 3 3 3 3", "0 0 1 1 1 1 1 1 1", "0x8", firing(3, 1));
        try {
            Path file = dir.resolve("dead-letter-cases.test.yml");
            Files.writeString(file, tests);
            Tool.Result result = new Tool(ExternalTool.require("promtool")).run("test", "rules", file.toString());
            assertEquals(0, result.exitCode(), result.describe());
            assertTrue(result.output().contains("SUCCESS"), result.describe());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
