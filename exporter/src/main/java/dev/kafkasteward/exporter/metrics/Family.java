package dev.kafkasteward.exporter.metrics;

import dev.kafkasteward.contract.catalog.MetricDef;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples of one catalog metric, with exactly the catalog's labels in the catalog's order — the
 * renderer cannot drift from the contract.
 */
final class Family {

    private final MetricDef def;
    private final String[] names;
    private final String[] sortedNames; // the order Labels keeps its names in
    private final List<Labels> labels = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();

    Family(MetricDef def) {
        this.def = def;
        this.names = def.labels().toArray(String[]::new);
        this.sortedNames = def.labels().stream().sorted().toArray(String[]::new);
    }

    Family add(double value, String... labelValues) {
        return add(value, labels(labelValues));
    }

    /**
     * Labels for this family's label names; families with the same names (a partition's lag, age,
     * commit age...) share one instance per series instead of each building and validating its own.
     */
    Labels labels(String... labelValues) {
        if (labelValues.length != names.length) {
            throw new IllegalArgumentException(def.name() + " takes labels " + def.labels() + ", got "
                    + labelValues.length + " values");
        }
        return Labels.of(names, labelValues);
    }

    /** A sample with labels made by {@link #labels} of this family or of one with the same label names. */
    Family add(double value, Labels seriesLabels) {
        boolean same = seriesLabels.size() == sortedNames.length;
        for (int i = 0; same && i < sortedNames.length; i++) {
            same = seriesLabels.getName(i).equals(sortedNames[i]);
        }
        if (!same) {
            throw new IllegalArgumentException(def.name() + " takes labels " + def.labels() + ", got " + seriesLabels);
        }
        labels.add(seriesLabels);
        values.add(value);
        return this;
    }

    MetricSnapshot build() {
        Unit unit = def.unit().map(Unit::new).orElse(null);
        return switch (def.type()) {
            case GAUGE -> {
                GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(def.baseName()).help(def.help()).unit(unit);
                for (int i = 0; i < values.size(); i++) {
                    b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                            .value(values.get(i)).labels(labels.get(i)).build());
                }
                yield b.build();
            }
            case COUNTER -> {
                CounterSnapshot.Builder b = CounterSnapshot.builder().name(def.baseName()).help(def.help()).unit(unit);
                for (int i = 0; i < values.size(); i++) {
                    b.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                            .value(values.get(i)).labels(labels.get(i)).build());
                }
                yield b.build();
            }
            case INFO -> {
                InfoSnapshot.Builder b = InfoSnapshot.builder().name(def.baseName()).help(def.help());
                labels.forEach(l -> b.dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(l).build()));
                yield b.build();
            }
            default -> throw new IllegalStateException("the exporter renders no " + def.type() + ": " + def.name());
        };
    }
}
