package dev.kafkasteward.grafana.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** How a panel displays values: unit, bounds, colours and thresholds, and per-query or per-field overrides. */
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

        /** Green below the first step, then each step's colour from its value on. */
        public static Thresholds greenThen(List<Step> steps) {
            List<Step> all = new java.util.ArrayList<>();
            all.add(new Step("green", null));
            all.addAll(steps);
            return new Thresholds("absolute", all);
        }
    }

    /** A threshold step; Grafana expects the base step's value as an explicit {@code null}. */
    public record Step(String color, @JsonInclude(JsonInclude.Include.ALWAYS) Double value) {
    }

    /** Settings for some fields only: those of one query ({@code byFrameRefID}) or one name ({@code byName}). */
    public record Override(Matcher matcher, List<Property> properties) {

        public Override {
            properties = List.copyOf(properties);
        }

        /** Thresholds for the fields of query {@code refId}, so each ownership entry colours by its own tier. */
        public static Override thresholdsOfQuery(String refId, Thresholds thresholds) {
            return new Override(new Matcher("byFrameRefID", refId), List.of(new Property("thresholds", thresholds)));
        }

        /** A unit for one named column of a table. */
        public static Override unitOfField(String name, String unit) {
            return new Override(new Matcher("byName", name), List.of(new Property("unit", unit)));
        }
    }

    /** Which fields an override applies to. */
    public record Matcher(String id, String options) {
    }

    /**
     * One overridden setting. The value's shape depends on the id (thresholds, a unit string); the
     * factories on {@link Override} are the only places that build one, so each id gets its shape.
     */
    public record Property(String id, Object value) {
    }
}
