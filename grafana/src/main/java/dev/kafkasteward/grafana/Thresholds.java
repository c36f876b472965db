package dev.kafkasteward.grafana;

import dev.kafkasteward.contract.ownership.ConsumerGroupOwnership;
import dev.kafkasteward.contract.ownership.Platform;
import dev.kafkasteward.grafana.model.FieldConfig;
import java.util.List;

/** Threshold colours taken from ownership.yml, so a panel turns red exactly where the alert pages. */
final class Thresholds {

    private Thresholds() {
    }

    /** Orange from the group's lag-age warning, red from its critical threshold (tier or override). */
    static FieldConfig.Thresholds lagAge(ConsumerGroupOwnership group) {
        return FieldConfig.Thresholds.greenThen(List.of(
                new FieldConfig.Step("orange", (double) group.lagAgeWarning().seconds()),
                new FieldConfig.Step("red", (double) group.lagAgeCritical().seconds())));
    }

    static FieldConfig.Thresholds backlogAge(dev.kafkasteward.contract.ownership.ShareGroupOwnership group) {
        return FieldConfig.Thresholds.greenThen(List.of(
                new FieldConfig.Step("orange", (double) group.backlogAgeWarning().seconds()),
                new FieldConfig.Step("red", (double) group.backlogAgeCritical().seconds())));
    }

    /** Red from {@code value} on: for counts where anything above zero is an incident. */
    static FieldConfig.Thresholds redFrom(double value) {
        return FieldConfig.Thresholds.greenThen(List.of(new FieldConfig.Step("red", value)));
    }

    /** Orange, then red: for values that degrade gradually. */
    static FieldConfig.Thresholds orangeRed(double orange, double red) {
        return FieldConfig.Thresholds.greenThen(List.of(new FieldConfig.Step("orange", orange),
                new FieldConfig.Step("red", red)));
    }

    /** Red below {@code low} (the base), green from it, red again from {@code high}: for "exactly one". */
    static FieldConfig.Thresholds exactly(double low, double high) {
        return new FieldConfig.Thresholds("absolute", List.of(new FieldConfig.Step("red", null),
                new FieldConfig.Step("green", low), new FieldConfig.Step("red", high)));
    }

    /** Red below the platform's critical horizon, orange below its warning horizon: disk alerts' thresholds. */
    static FieldConfig.Thresholds timeToExhaustion(Platform.Disk disk) {
        return new FieldConfig.Thresholds("absolute", List.of(new FieldConfig.Step("red", null),
                new FieldConfig.Step("orange", (double) disk.exhaustionCritical().seconds()),
                new FieldConfig.Step("green", (double) disk.exhaustionWarning().seconds())));
    }

    /** Orange and red at the platform's disk usage ratios. */
    static FieldConfig.Thresholds diskUsage(Platform.Disk disk) {
        return orangeRed(disk.usageWarning().ratio(), disk.usageCritical().ratio());
    }

    /** Plain: no colouring by value. */
    static FieldConfig.Thresholds none() {
        return FieldConfig.Thresholds.greenThen(List.of());
    }
}
