package dev.kafkasteward.signals;

import dev.kafkasteward.signals.change.GateRule;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The signals of one ownership, planned: each family with its recording rules and alerts, and the change
 * gate's rules. What every output derives from, so rules, routing, runbooks and dashboards cannot disagree.
 */
public record SignalPlan(List<Planned> families, List<GateRule> gate) {

    public SignalPlan {
        families = List.copyOf(families);
        gate = List.copyOf(gate);
    }

    /** One family's output for the ownership. */
    public record Planned(SignalFamily family, List<Recording> recordings, List<AlertInstance> instances) {

        public Planned {
            recordings = List.copyOf(recordings);
            instances = List.copyOf(instances);
        }
    }

    /** Every alert, in family order. */
    public List<AlertInstance> instances() {
        return families.stream().flatMap(f -> f.instances().stream()).toList();
    }

    /** Every family's inhibitions, in family order. */
    public List<Inhibition> inhibitions() {
        return families.stream().flatMap(f -> f.family().inhibitions().stream()).toList();
    }

    /** The names of the alerts that can reach {@code team}, as owner or also notified, sorted. */
    public SortedSet<String> alertsReaching(String team) {
        TreeSet<String> names = new TreeSet<>();
        instances().stream().filter(i -> i.teams().contains(team)).forEach(i -> names.add(i.alert()));
        return names;
    }
}
