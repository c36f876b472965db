package dev.kafkasteward.demo.stack;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kafkasteward.rules.yaml.YamlWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code prometheus.yml} the stack runs: scrape the exporter, evaluate the generated rules,
 * send alerts to the stack's Alertmanager. Typed records, written by the generators' YAML writer.
 */
public record PrometheusConfig(Global global, List<String> ruleFiles, Alerting alerting,
                               List<ScrapeConfig> scrapeConfigs) {

    /** Scrape and evaluation pace; the timeout equals the interval because Prometheus refuses a larger one. */
    public record Global(String scrapeInterval, String scrapeTimeout, String evaluationInterval) {
    }

    /** Where alerts go. */
    public record Alerting(List<AlertmanagerSet> alertmanagers) {
    }

    /** One set of Alertmanagers, listed statically. */
    public record AlertmanagerSet(List<StaticConfig> staticConfigs) {
    }

    /** One scrape job. */
    public record ScrapeConfig(String jobName, List<StaticConfig> staticConfigs) {
    }

    /** {@code host:port} targets, and labels added to every series scraped from them (left out when empty). */
    public record StaticConfig(List<String> targets,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> labels) {

        public StaticConfig {
            targets = List.copyOf(targets);
            labels = Map.copyOf(labels);
        }

        public StaticConfig(List<String> targets) {
            this(targets, Map.of());
        }
    }

    /**
     * Scrape the {@code exporters} (the replicas of one cluster's exporter) as job {@code kafka-steward}, then
     * {@code moreScrapes}; evaluate {@code rules}, alert to {@code alertmanager}.
     */
    public static PrometheusConfig of(List<String> exporters, List<Path> rules, String alertmanager,
                                      Duration scrapeInterval, Duration evaluationInterval,
                                      List<ScrapeConfig> moreScrapes) {
        String interval = text(scrapeInterval);
        ScrapeConfig steward = new ScrapeConfig("kafka-steward", List.of(new StaticConfig(exporters)));
        return new PrometheusConfig(new Global(interval, interval, text(evaluationInterval)),
                rules.stream().map(p -> p.toAbsolutePath().toString()).toList(),
                new Alerting(List.of(new AlertmanagerSet(List.of(new StaticConfig(List.of(alertmanager)))))),
                Stream.concat(Stream.of(steward), moreScrapes.stream()).toList());
    }

    public String render() {
        return YamlWriter.write("Written by Kafka Steward's demo stack for this run.", this);
    }

    /** Prometheus' duration syntax; whole seconds unless the interval is shorter. */
    static String text(Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("interval must be positive, got " + d);
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
