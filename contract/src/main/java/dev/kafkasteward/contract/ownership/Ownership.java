package dev.kafkasteward.contract.ownership;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who owns what in one Kafka cluster: the immutable model behind the exporter, the rules and the
 * dashboards. Built only by {@link OwnershipLoader}, which resolves defaults and checks every
 * reference, so consumers never re-validate.
 */
public record Ownership(String cluster, Map<String, Team> teams, Map<String, Tier> tiers,
                        List<TopicOwnership> topics, List<ConsumerGroupOwnership> consumerGroups,
                        List<ShareGroupOwnership> shareGroups,
                        List<DeadLetterTopic> deadLetterTopics, List<ConnectorOwnership> connectors,
                        List<ClientApp> clientApps, List<Funnel> funnels, Platform platform, Unowned unowned,
                        Map<ResponsibilityArea, List<String>> sharedResponsibility) {

    public Ownership {
        // Sorted maps: every generator iterates these, and output must be deterministic.
        teams = Collections.unmodifiableSortedMap(new TreeMap<>(teams));
        tiers = Collections.unmodifiableSortedMap(new TreeMap<>(tiers));
        topics = List.copyOf(topics);
        consumerGroups = List.copyOf(consumerGroups);
        shareGroups = List.copyOf(shareGroups);
        deadLetterTopics = List.copyOf(deadLetterTopics);
        connectors = List.copyOf(connectors);
        clientApps = List.copyOf(clientApps);
        funnels = List.copyOf(funnels);
        Map<ResponsibilityArea, List<String>> shared = new java.util.EnumMap<>(ResponsibilityArea.class);
        sharedResponsibility.forEach((area, names) -> shared.put(area, List.copyOf(names)));
        sharedResponsibility = Collections.unmodifiableMap(shared);
    }

    /**
     * Who is notified besides {@code owner} of an alert in {@code area} about an entry that names
     * {@code alsoNotify}: the entry's teams and the area's shared owners, each once, sorted, never the owner.
     */
    public List<String> alsoNotify(ResponsibilityArea area, String owner, List<String> alsoNotify) {
        java.util.TreeSet<String> teams = new java.util.TreeSet<>(alsoNotify);
        teams.addAll(sharedResponsibility.getOrDefault(area, List.of()));
        teams.remove(owner);
        return List.copyOf(teams);
    }

    public Team team(String name) {
        Team team = teams.get(name);
        if (team == null) {
            throw new IllegalArgumentException("no team " + name);
        }
        return team;
    }

    public Tier tier(String name) {
        Tier tier = tiers.get(name);
        if (tier == null) {
            throw new IllegalArgumentException("no tier " + name);
        }
        return tier;
    }

    /** Team names, sorted. */
    public List<String> teamNames() {
        return List.copyOf(teams.keySet());
    }

    /** The first consumer-group entry that claims {@code group}, in file order. */
    public Optional<ConsumerGroupOwnership> consumerGroupOwner(String group) {
        return consumerGroups.stream().filter(g -> g.selector().matches(group)).findFirst();
    }

    /** The first share-group entry that claims {@code group}, in file order. */
    public Optional<ShareGroupOwnership> shareGroupOwner(String group) {
        return shareGroups.stream().filter(g -> g.selector().matches(group)).findFirst();
    }

    /** The first topic entry that claims {@code topic}, in file order. */
    public Optional<TopicOwnership> topicOwner(String topic) {
        return topics.stream().filter(t -> t.selector().matches(topic)).findFirst();
    }

    /** The first dead-letter entry that claims {@code topic}, in file order. */
    public Optional<DeadLetterTopic> deadLetterTopic(String topic) {
        return deadLetterTopics.stream().filter(d -> d.selector().matches(topic)).findFirst();
    }
}
