package dev.kafkasteward.contract.ownership;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A business flow as ordered stages (orders accepted, paid, reserved, dispatched). With a
 * correlation key, each key's progress through the stages is tracked over {@code window}.
 */
public record Funnel(String name, String owner, String tier, Optional<Correlation> correlation,
                     PromDuration window, List<Stage> stages, List<String> alsoNotify,
                     Map<String, AlertOverride> alerts, Truth truth) {

    public static final PromDuration DEFAULT_WINDOW = PromDuration.parse("1h").orElseThrow();

    public Funnel {
        stages = List.copyOf(stages);
        alsoNotify = List.copyOf(alsoNotify);
        alerts = Map.copyOf(alerts);
    }

    /** With the default truth thresholds. */
    public Funnel(String name, String owner, String tier, Optional<Correlation> correlation, PromDuration window,
                  List<Stage> stages, List<String> alsoNotify, Map<String, AlertOverride> alerts) {
        this(name, owner, tier, correlation, window, stages, alsoNotify, alerts, Truth.DEFAULTS);
    }

    /**
     * How much of a correlated funnel may go unfollowed before its owner hears of it, over its window.
     *
     * @param maxDroppedKeys          keys that may expire unfinished (a payment that never produced a
     *                                fulfillment) per window; more alerts
     * @param maxCorrelationMissRatio share of a stage's events whose key cannot be read; above it alerts
     */
    public record Truth(int maxDroppedKeys, Percent maxCorrelationMissRatio) {
        public static final Truth DEFAULTS = new Truth(0, Percent.parse("1%").orElseThrow());
    }

    /** A funnel that notifies its owner only and changes none of its alerts. */
    public Funnel(String name, String owner, String tier, Optional<Correlation> correlation, PromDuration window,
                  List<Stage> stages) {
        this(name, owner, tier, correlation, window, stages, List.of(), Map.of());
    }

    /**
     * The stages keys can be overdue in: those with a {@code max_wait}, when a correlation key ties
     * records to keys; none without one. Alerts and dashboards show overdue keys only for these.
     */
    public List<Stage> overdueStages() {
        return correlation.isEmpty() ? List.of() : stages.stream().filter(s -> s.maxWait().isPresent()).toList();
    }

    /** One stage: the records of a topic, optionally only those matching a header or JSON field. */
    public record Stage(String name, String topic, Optional<Match> match, Optional<PromDuration> maxWait) {
    }

    /** Which records of a stage topic belong to the stage. */
    public sealed interface Match {
        String equals();

        record Header(String header, String equals) implements Match {
        }

        record JsonField(String field, String equals) implements Match {
        }
    }

    /** How records of different stages are tied to the same business key. */
    public sealed interface Correlation {
        record RecordKey() implements Correlation {
        }

        record Header(String header) implements Correlation {
        }

        record JsonField(String field) implements Correlation {
        }
    }
}
