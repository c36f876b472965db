package dev.kafkasteward.grafana.promql;

import dev.kafkasteward.contract.ownership.ConsumerGroupOwnership;
import dev.kafkasteward.contract.ownership.NameSelector;
import dev.kafkasteward.contract.ownership.Ownership;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The consumer groups each team owns, as one {@code =~} regex per team: exact names quoted,
 * patterns kept as their owners wrote them, in file order.
 */
public record TeamGroups(String team, List<NameSelector> selectors, String regex) {

    public TeamGroups {
        selectors = List.copyOf(selectors);
    }

    /** Teams that own at least one consumer-group entry, sorted by team name. */
    public static List<TeamGroups> of(Ownership ownership) {
        Map<String, Set<NameSelector>> byTeam = new TreeMap<>();
        for (ConsumerGroupOwnership group : ownership.consumerGroups()) {
            byTeam.computeIfAbsent(group.owner(), t -> new LinkedHashSet<>()).add(group.selector());
        }
        List<TeamGroups> teams = new ArrayList<>();
        byTeam.forEach((team, selectors) -> teams.add(
                new TeamGroups(team, List.copyOf(selectors), PromRegex.anyOf(selectors.stream().map(TeamGroups::regexOf).toList()))));
        return teams;
    }

    private static String regexOf(NameSelector selector) {
        return selector.isPattern() ? selector.text() : PromRegex.quote(selector.text());
    }

    /** The selectors as owners wrote them, for panel descriptions, e.g. {@code orders, /orders-.+/}. */
    public String describe() {
        return String.join(", ", selectors.stream().map(NameSelector::toString).toList());
    }
}
