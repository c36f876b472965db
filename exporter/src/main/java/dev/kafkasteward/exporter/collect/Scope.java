package dev.kafkasteward.exporter.collect;

import com.google.re2j.Pattern;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which groups and topics the exporter looks at: a name is in scope when it matches the allow
 * regex (if any) and not the deny regex (if any). Regexes match the whole name.
 */
public record Scope(Optional<Pattern> groupAllow, Optional<Pattern> groupDeny, Optional<Pattern> topicAllow,
                    Optional<Pattern> topicDeny) {

    public static final Scope EVERYTHING = new Scope(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public Predicate<String> groups() {
        return filter(groupAllow, groupDeny);
    }

    public Predicate<String> topics() {
        return filter(topicAllow, topicDeny);
    }

    private static Predicate<String> filter(Optional<Pattern> allow, Optional<Pattern> deny) {
        return name -> allow.map(p -> p.matcher(name).matches()).orElse(true)
                && !deny.map(p -> p.matcher(name).matches()).orElse(false);
    }
}
