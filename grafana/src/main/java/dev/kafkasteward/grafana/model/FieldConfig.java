package dev.kafkasteward.grafana.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** How a panel displays values: unit, bounds, colours and thresholds, with no per-field overrides. */
public record FieldConfig(Defaults defaults, List<Override> overrides) {

    public FieldConfig {
        overrides = List.copyOf(overrides);
    }

    public static FieldConfig of(Defaults defaults) {
        return new FieldConfig(defaults, List.of());
    }

    /** Settings for every field of the panel. {@code min} may be null (no lower bound). */
    public record Defaults(String unit, Double min, Color color, Thresholds thresholds) {
    }

    /** Grafana's colour scheme id, for instance {@code palette-classic} or {@code thresholds}. */
    public record Color(String mode) {
    }

    /** Absolute thresholds; the first step is the base and has no value. */
    public record Thresholds(String mode, List<Step> steps) {

        public Thresholds {
            steps = List.copyOf(steps);
        }
    }

    /** A threshold step; Grafana expects the base step's value as an explicit {@code null}. */
    public record Step(String color, @JsonInclude(JsonInclude.Include.ALWAYS) Double value) {
    }

    /** A per-field override; none are generated yet, the list exists because Grafana's schema requires it. */
    public record Override(Matcher matcher, List<Property> properties) {
    }

    /** Which fields an override applies to. */
    public record Matcher(String id, String options) {
    }

    /** One overridden setting. */
    public record Property(String id, String value) {
    }
}
