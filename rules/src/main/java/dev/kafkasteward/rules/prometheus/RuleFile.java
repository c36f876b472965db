package dev.kafkasteward.rules.prometheus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** A Prometheus rule file ({@code groups:}), as typed records for the YAML writer. */
public record RuleFile(List<Group> groups) {

    public RuleFile {
        groups = List.copyOf(groups);
    }

    /** A rule group; Prometheus evaluates each group's rules in order, at the global interval. */
    public record Group(String name, List<Rule> rules) {

        public Group {
            rules = List.copyOf(rules);
        }
    }

    /** A rule of either kind; Jackson writes each by its own record components. */
    public sealed interface Rule permits AlertingRule, RecordingRule {
        /** The PromQL expression. */
        String expr();
    }

    /** An alerting rule: {@code alert}, {@code expr}, {@code for}, labels and annotations (both sorted). */
    public record AlertingRule(String alert, String expr, @JsonProperty("for") String forDuration,
                               SortedMap<String, String> labels, SortedMap<String, String> annotations)
            implements Rule {

        public AlertingRule {
            labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
            annotations = Collections.unmodifiableSortedMap(new TreeMap<>(annotations));
        }
    }

    /** A recording rule: the result of {@code expr} stored as the series {@code record}, plus {@code labels}. */
    public record RecordingRule(String record, String expr,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, String> labels)
            implements Rule {

        public RecordingRule {
            labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        }

        public RecordingRule(String record, String expr) {
            this(record, expr, new TreeMap<>());
        }
    }
}
