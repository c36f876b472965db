package dev.kafkasteward.contract.ownership;

import dev.kafkasteward.contract.catalog.AlertCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Maps a composed YAML tree onto the {@link Ownership} model: validates shapes, values and
 * references, resolves defaults once, and records every problem in {@link Diagnostics}.
 */
final class OwnershipReader {

    static final Set<String> ROOT_KEYS = Set.of("cluster", "default_tier", "teams", "tiers", "topics",
            "consumer_groups", "share_groups", "dead_letter_topics", "connectors", "client_apps", "funnels", "platform", "unowned",
            "shared_responsibility");
    static final Set<String> TEAM_KEYS = Set.of("description", "receivers");
    static final Set<String> TIER_KEYS = Set.of("severity", "lag_age_warning", "lag_age_critical", "for",
            "durability");
    static final Set<String> DURABILITY_KEYS = Set.of("min_replication_factor", "min_insync_replicas",
            "unclean_leader_election", "min_retention");
    static final Set<String> TOPIC_KEYS = Set.of("name", "pattern", "owner", "tier", "also_notify", "alerts");
    static final Set<String> GROUP_KEYS = Set.of("name", "pattern", "owner", "tier", "lag_age_warning",
            "lag_age_critical", "freshness", "also_notify", "alerts", "max_rebalances", "rebalance_window");
    static final Set<String> SHARE_GROUP_KEYS = Set.of("name", "pattern", "owner", "tier", "backlog_age_warning",
            "backlog_age_critical", "also_notify", "alerts");
    static final Set<String> FRESHNESS_KEYS = Set.of("lag_age_under", "objective", "window");
    static final Set<String> DLQ_KEYS = Set.of("name", "pattern", "owner", "tier", "source_topic", "reason_header",
            "also_notify", "alerts", "decision_group", "decide_within");
    static final Set<String> CONNECTOR_KEYS = Set.of("name", "owner", "tier", "also_notify", "alerts");
    static final Set<String> CLIENT_KEYS = Set.of("name", "owner", "tier", "match", "jvm_job", "also_notify",
            "alerts");
    static final Set<String> FUNNEL_KEYS = Set.of("name", "owner", "tier", "correlation", "window", "stages",
            "also_notify", "alerts", "max_dropped_keys", "max_correlation_miss_ratio");
    static final Set<String> CORRELATION_KEYS = Set.of("key", "header", "json_field");
    static final Set<String> STAGE_KEYS = Set.of("name", "topic", "match", "max_wait");
    static final Set<String> MATCH_KEYS = Set.of("header", "json_field", "equals");
    static final Set<String> PLATFORM_KEYS = Set.of("owner", "tier", "disk", "alerts");
    static final Set<String> ALERT_OVERRIDE_KEYS = Set.of("enabled", "severity");
    static final Set<String> DISK_KEYS = Set.of("usage_warning", "usage_critical", "exhaustion_warning",
            "exhaustion_critical");
    static final Set<String> UNOWNED_KEYS = Set.of("owner", "tier", "dead_letter_pattern");
    static final Set<String> AREA_KEYS = Set.copyOf(ResponsibilityArea.keys());
    static final Set<String> RECEIVER_TYPES = Set.of("webhook", "slack", "email", "pagerduty");
    static final Set<String> RECEIVER_KEYS = Set.of("type", "url", "url_file", "channel", "api_url_file", "to",
            "from", "smarthost", "auth_username", "auth_password_file", "routing_key_file");
    /** Every key the loader accepts anywhere; docs/ownership.md documents each (OwnershipDocTest). */
    static final List<Set<String>> ALL_KEYS = List.of(ROOT_KEYS, TEAM_KEYS, TIER_KEYS, TOPIC_KEYS, GROUP_KEYS,
            SHARE_GROUP_KEYS, FRESHNESS_KEYS, DLQ_KEYS, CONNECTOR_KEYS, CLIENT_KEYS, FUNNEL_KEYS, CORRELATION_KEYS, STAGE_KEYS,
            MATCH_KEYS, PLATFORM_KEYS, DISK_KEYS, DURABILITY_KEYS, UNOWNED_KEYS, AREA_KEYS, ALERT_OVERRIDE_KEYS, RECEIVER_KEYS);

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private final Diagnostics diagnostics;
    private Map<String, Team> teams = Map.of();
    private Map<String, Tier> tiers = Map.of();
    /** Names written in the file, valid or not: references to them are not "unknown". */
    private final Set<String> declaredTeams = new java.util.HashSet<>();
    private final Set<String> declaredTiers = new java.util.HashSet<>();
    /** False when 'teams' or 'tiers' is missing or malformed: references cannot be checked then. */
    private boolean teamsReadable = true;
    private boolean tiersReadable = true;
    private Optional<String> defaultTier = Optional.empty();
    private boolean defaultTierWritten;

    OwnershipReader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The model, or empty when anything was reported. */
    Optional<Ownership> read(Node root) {
        Optional<MapReader> maybeRoot = MapReader.of(root, diagnostics, "the ownership file", ROOT_KEYS);
        if (maybeRoot.isEmpty()) {
            return Optional.empty();
        }
        MapReader r = maybeRoot.get();
        String cluster = r.requiredString("cluster").orElse("");
        teams = readTeams(r);
        tiers = readTiers(r);
        defaultTierWritten = r.has("default_tier");
        defaultTier = r.string("default_tier")
                .filter(t -> !tiersReadable || checkRef(r, "default_tier", t, declaredTiers, tiers.keySet(), "tier"));
        Platform platform = readPlatform(r);
        List<TopicOwnership> topics = r.listOfMaps("topics", "a topic", TOPIC_KEYS, this::readTopic);
        List<ConsumerGroupOwnership> groups =
                r.listOfMaps("consumer_groups", "a consumer group", GROUP_KEYS, this::readGroup);
        List<ShareGroupOwnership> shareGroups =
                r.listOfMaps("share_groups", "a share group", SHARE_GROUP_KEYS, this::readShareGroup);
        List<DeadLetterTopic> dlqs =
                r.listOfMaps("dead_letter_topics", "a dead-letter topic", DLQ_KEYS, this::readDeadLetter);
        List<ConnectorOwnership> connectors =
                r.listOfMaps("connectors", "a connector", CONNECTOR_KEYS, this::readConnector);
        List<ClientApp> clients = r.listOfMaps("client_apps", "a client app", CLIENT_KEYS, this::readClient);
        List<Funnel> funnels = r.listOfMaps("funnels", "a funnel", FUNNEL_KEYS, this::readFunnel);

        checkUnique(r, "topics", "topic", "name", "pattern");
        checkUnique(r, "consumer_groups", "consumer group", "name", "pattern");
        checkUnique(r, "share_groups", "share group", "name", "pattern");
        checkUnique(r, "dead_letter_topics", "dead-letter topic", "name", "pattern");
        checkUnique(r, "connectors", "connector", "name");
        checkUnique(r, "client_apps", "client app", "name");
        checkUnique(r, "funnels", "funnel", "name");
        Map<ResponsibilityArea, List<String>> shared = readSharedResponsibility(r);
        // Read even without a valid platform (its defaults come from there), so its own errors are reported too.
        Optional<Unowned> unowned = readUnowned(r, Optional.ofNullable(platform));

        if (!diagnostics.isEmpty() || platform == null || unowned.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Ownership(cluster, teams, tiers, topicsWithCatchAll(topics, unowned.get()),
                groupsWithCatchAll(withDecisionGroups(groups, dlqs), unowned.get()),
                shareGroupsWithCatchAll(shareGroups, unowned.get()),
                deadLettersWithCatchAll(dlqs, unowned.get()), connectors,
                clients, funnels, platform, unowned.get(), shared));
    }

    // ---- what no entry claims --------------------------------------------------------------

    /** {@code unowned:}: who answers for what no entry claims; every key has a default. */
    private Optional<Unowned> readUnowned(MapReader root, Optional<Platform> platform) {
        Optional<MapReader> u = root.has("unowned") ? root.map("unowned", UNOWNED_KEYS) : Optional.empty();
        if (root.has("unowned") && u.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> owner = u.filter(m -> m.has("owner")).map(this::owner)
                .orElse(platform.map(Platform::owner));
        Optional<String> tier = u.filter(m -> m.has("tier")).map(this::tier)
                .orElse(defaultTier.or(() -> platform.map(Platform::tier)));
        Optional<NameSelector> deadLetters = Optional.of(NameSelector.regex(Unowned.DEFAULT_DEAD_LETTER_PATTERN));
        if (u.isPresent() && u.get().has("dead_letter_pattern")) {
            MapReader m = u.get();
            Optional<String> regex = m.string("dead_letter_pattern");
            if (regex.isEmpty() || !checkRegex(m.value("dead_letter_pattern").orElseThrow(), regex.get())) {
                return Optional.empty();
            }
            deadLetters = regex.filter(re -> !re.isEmpty()).map(NameSelector::regex); // '' turns it off
        }
        Optional<NameSelector> pattern = deadLetters;
        return zip(owner, tier, (o, t) -> new Unowned(o, t, pattern));
    }

    /** Topics: the catch-all entry, last, so it owns only what no entry before it claims. */
    private List<TopicOwnership> topicsWithCatchAll(List<TopicOwnership> topics, Unowned unowned) {
        return append(topics, new TopicOwnership(NameSelector.regex(Unowned.EVERYTHING), unowned.owner(),
                unowned.tier(), List.of()));
    }

    /**
     * Each dead-letter topic's decision group as a consumer group of the topic's owner, its lag alerts off:
     * it lags by design (records wait for a decision), and the catch-all would otherwise page the
     * {@code unowned} owner for it. An entry naming the group explicitly comes first and wins.
     */
    private List<ConsumerGroupOwnership> withDecisionGroups(List<ConsumerGroupOwnership> groups,
                                                            List<DeadLetterTopic> dlqs) {
        Map<String, AlertOverride> off = new java.util.TreeMap<>();
        AlertCatalog.namesFor(AlertCatalog.Subject.CONSUMER_GROUP)
                .forEach(a -> off.put(a, new AlertOverride(false, Optional.empty())));
        List<ConsumerGroupOwnership> out = new ArrayList<>(groups);
        for (DeadLetterTopic d : dlqs) {
            d.decisions().ifPresent(decisions -> {
                Tier tier = tiers.get(d.tier());
                if (tier != null && out.stream().noneMatch(g -> g.selector().matches(decisions.group()))) {
                    out.add(new ConsumerGroupOwnership(NameSelector.exact(decisions.group()), d.owner(), d.tier(),
                            tier.lagAgeWarning(), tier.lagAgeCritical(), Optional.empty(), List.of(), off));
                }
            });
        }
        return out;
    }

    private List<ConsumerGroupOwnership> groupsWithCatchAll(List<ConsumerGroupOwnership> groups, Unowned unowned) {
        Tier tier = tiers.get(unowned.tier());
        return append(groups, new ConsumerGroupOwnership(NameSelector.regex(Unowned.EVERYTHING), unowned.owner(),
                tier.name(), tier.lagAgeWarning(), tier.lagAgeCritical(), Optional.empty(), List.of(), Map.of()));
    }

    private List<ShareGroupOwnership> shareGroupsWithCatchAll(List<ShareGroupOwnership> groups, Unowned unowned) {
        Tier tier = tiers.get(unowned.tier());
        return append(groups, new ShareGroupOwnership(NameSelector.regex(Unowned.EVERYTHING), unowned.owner(),
                tier.name(), tier.lagAgeWarning(), tier.lagAgeCritical(), List.of(), Map.of()));
    }

    private List<DeadLetterTopic> deadLettersWithCatchAll(List<DeadLetterTopic> dlqs, Unowned unowned) {
        return unowned.deadLetterPattern().map(p -> append(dlqs, new DeadLetterTopic(p, unowned.owner(),
                unowned.tier(), Optional.empty(), Optional.empty(), List.of(), Map.of()))).orElse(dlqs);
    }

    private static <T> List<T> append(List<T> list, T last) {
        List<T> all = new ArrayList<>(list);
        all.add(last);
        return all;
    }

    /** {@code shared_responsibility:}: per area of seed 000's ownership table, the teams notified besides the owner. */
    private Map<ResponsibilityArea, List<String>> readSharedResponsibility(MapReader root) {
        Map<ResponsibilityArea, List<String>> shared = new java.util.EnumMap<>(ResponsibilityArea.class);
        root.map("shared_responsibility", AREA_KEYS).ifPresent(m -> {
            for (NodeTuple tuple : m.tuples()) {
                String key = ((ScalarNode) tuple.getKeyNode()).getValue();
                ResponsibilityArea.ofKey(key).ifPresent(area -> shared.put(area, teamList(m, key)));
            }
        });
        return shared;
    }

    /**
     * {@code alerts:} of an entry: per alert about {@code subject}, what the entry changes. A name that is not
     * such an alert is reported at the name, with the closest one about the subject.
     */
    private Map<String, AlertOverride> alerts(MapReader r, AlertCatalog.Subject subject) {
        Map<String, AlertOverride> alerts = new TreeMap<>();
        Optional<MapReader> map = r.value("alerts").flatMap(v -> MapReader.of(v, diagnostics,
                "'alerts' of " + r.what(), anyKey(v)));
        if (map.isEmpty()) {
            return alerts;
        }
        List<String> names = AlertCatalog.namesFor(subject);
        for (NodeTuple tuple : map.get().tuples()) {
            String name = ((ScalarNode) tuple.getKeyNode()).getValue();
            if (!names.contains(name)) {
                boolean elsewhere = AlertCatalog.ALL.stream().anyMatch(a -> a.name().equals(name));
                diagnostics.error(tuple.getKeyNode(), (elsewhere ? "alert '" + name + "' is not about "
                        + subject.what() : "unknown alert '" + name + "'" + Suggestions.didYouMean(name, names))
                        + "; alerts about " + subject.what() + ": " + String.join(", ", names));
                continue;
            }
            MapReader.of(tuple.getValueNode(), diagnostics, "alert '" + name + "' of " + r.what(),
                    ALERT_OVERRIDE_KEYS).ifPresent(o -> {
                        if (o.tuples().isEmpty()) {
                            diagnostics.error(o.node(), "alert '" + name + "' of " + r.what()
                                    + " changes nothing: set 'enabled: false' or a 'severity'");
                        }
                        Optional<Boolean> enabled = o.has("enabled") ? o.bool("enabled") : Optional.of(true);
                        Optional<Severity> severity = o.string("severity").flatMap(text -> severity(o, text));
                        if (enabled.isPresent() && (!o.has("severity") || severity.isPresent())) {
                            alerts.put(name, new AlertOverride(enabled.get(), severity));
                        }
                    });
        }
        return alerts;
    }

    /** {@code also_notify:} of an entry: known teams, each once. */
    private List<String> alsoNotify(MapReader r) {
        return teamList(r, "also_notify");
    }

    /** A list of team names under {@code key}; each unknown or repeated name is reported where it is written. */
    private List<String> teamList(MapReader r, String key) {
        List<String> names = new ArrayList<>();
        for (Node item : r.list(key)) {
            if (!(item instanceof ScalarNode s) || s.getValue().isEmpty()) {
                diagnostics.error(item, "'" + key + "' in " + r.what() + " must list team names, got "
                        + MapReader.describe(item));
                continue;
            }
            String name = s.getValue();
            if (names.contains(name)) {
                diagnostics.error(item, "team '" + name + "' is listed twice in '" + key + "'");
            } else if (teamsReadable && checkTeam(item, name)) {
                names.add(name);
            }
        }
        return names;
    }

    private boolean checkTeam(Node at, String name) {
        if (teams.containsKey(name)) {
            return true;
        }
        if (!declaredTeams.contains(name)) {
            diagnostics.error(at, "unknown team '" + name + "'" + Suggestions.didYouMean(name, declaredTeams)
                    + " (known: " + (declaredTeams.isEmpty() ? "none" : String.join(", ",
                    declaredTeams.stream().sorted().toList())) + ")");
        }
        return false;
    }

    // ---- teams and tiers -------------------------------------------------------------------

    private Map<String, Team> readTeams(MapReader root) {
        Map<String, Team> out = new LinkedHashMap<>();
        if (!root.has("teams")) {
            root.missing("teams");
            teamsReadable = false;
            return out;
        }
        Optional<MapReader> maybeTeams =
                root.value("teams").flatMap(v -> MapReader.of(v, diagnostics, "'teams'", anyKey(v)));
        teamsReadable = maybeTeams.isPresent();
        maybeTeams.ifPresent(teamsMap -> {
            for (NodeTuple tuple : teamsMap.tuples()) {
                String name = ((ScalarNode) tuple.getKeyNode()).getValue();
                declaredTeams.add(name);
                checkIdentifier(tuple.getKeyNode(), name, "team name");
                MapReader.of(tuple.getValueNode(), diagnostics, "team '" + name + "'", TEAM_KEYS).ifPresent(t -> {
                    List<Receiver> receivers = new ArrayList<>();
                    if (!t.has("receivers")) {
                        t.missing("receivers");
                    }
                    List<Node> items = t.list("receivers");
                    for (Node item : items) {
                        readReceiver(item, name).ifPresent(receivers::add);
                    }
                    if (t.has("receivers") && items.isEmpty()) {
                        t.error("receivers", "team '" + name + "' needs at least one receiver");
                    }
                    out.put(name, new Team(name, t.string("description"), receivers));
                });
            }
        });
        return out;
    }

    private Optional<Receiver> readReceiver(Node item, String team) {
        String what = "a receiver of team '" + team + "'";
        return MapReader.of(item, diagnostics, what, RECEIVER_KEYS).flatMap(r -> {
            Optional<String> type = r.requiredString("type");
            if (type.isEmpty()) {
                return Optional.empty();
            }
            if (!RECEIVER_TYPES.contains(type.get())) {
                r.error("type", "unknown receiver type '" + type.get() + "'"
                        + Suggestions.didYouMean(type.get(), RECEIVER_TYPES) + "; expected one of: email, pagerduty, slack, webhook");
                return Optional.empty();
            }
            Set<String> own = switch (type.get()) {
                case "webhook" -> Set.of("type", "url", "url_file");
                case "slack" -> Set.of("type", "channel", "api_url_file");
                case "email" -> Set.of("type", "to", "from", "smarthost", "auth_username", "auth_password_file");
                default -> Set.of("type", "routing_key_file");
            };
            for (NodeTuple tuple : r.tuples()) {
                String key = ((ScalarNode) tuple.getKeyNode()).getValue();
                if (!own.contains(key)) {
                    diagnostics.error(tuple.getKeyNode(), "key '" + key + "' does not apply to a "
                            + type.get() + " receiver; expected one of: " + String.join(", ", own.stream().sorted().toList()));
                }
            }
            return switch (type.get()) {
                case "webhook" -> {
                    Optional<String> url = r.string("url");
                    Optional<String> urlFile = r.string("url_file");
                    if (r.has("url") == r.has("url_file")) {
                        diagnostics.error(r.node(), what + " of type webhook needs exactly one of 'url' or 'url_file'");
                        yield Optional.empty();
                    }
                    if (url.isEmpty() && urlFile.isEmpty()) {
                        yield Optional.empty();
                    }
                    yield Optional.of(new Receiver.Webhook(url, urlFile));
                }
                case "slack" -> zip(r.requiredString("channel"), r.requiredString("api_url_file"),
                        Receiver.Slack::new);
                case "email" -> r.requiredString("to").map(to -> new Receiver.Email(to, r.string("from"),
                        r.string("smarthost"), r.string("auth_username"), r.string("auth_password_file")));
                default -> r.requiredString("routing_key_file").map(Receiver.PagerDuty::new);
            };
        });
    }

    private Map<String, Tier> readTiers(MapReader root) {
        Map<String, Tier> out = new LinkedHashMap<>();
        if (!root.has("tiers")) {
            root.missing("tiers");
            tiersReadable = false;
            return out;
        }
        Optional<MapReader> maybeTiers =
                root.value("tiers").flatMap(v -> MapReader.of(v, diagnostics, "'tiers'", anyKey(v)));
        tiersReadable = maybeTiers.isPresent();
        maybeTiers.ifPresent(tiersMap -> {
            for (NodeTuple tuple : tiersMap.tuples()) {
                String name = ((ScalarNode) tuple.getKeyNode()).getValue();
                declaredTiers.add(name);
                checkIdentifier(tuple.getKeyNode(), name, "tier name");
                MapReader.of(tuple.getValueNode(), diagnostics, "tier '" + name + "'", TIER_KEYS).ifPresent(t -> {
                    Optional<Severity> severity = t.requiredString("severity").flatMap(s -> severity(t, s));
                    PromDuration warning = t.duration("lag_age_warning").orElse(Tier.DEFAULT_LAG_AGE_WARNING);
                    PromDuration critical = t.duration("lag_age_critical").orElse(Tier.DEFAULT_LAG_AGE_CRITICAL);
                    checkOrdered(t, "lag_age_warning", warning, "lag_age_critical", critical);
                    PromDuration alertFor = t.duration("for").orElse(Tier.DEFAULT_FOR);
                    Tier.Durability durability = t.map("durability", DURABILITY_KEYS).map(this::durability)
                            .orElse(Tier.Durability.NONE);
                    severity.ifPresent(s -> out.put(name, new Tier(name, s, warning, critical, alertFor, durability)));
                });
            }
        });
        return out;
    }

    /** A tier's durability policy; {@code unclean_leader_election} may only be {@code false}: it is a requirement. */
    private Tier.Durability durability(MapReader d) {
        Optional<Integer> replicationFactor = d.integer("min_replication_factor", 1, 32767);
        Optional<Integer> minIsr = d.integer("min_insync_replicas", 1, 32767);
        replicationFactor.ifPresent(rf -> minIsr.filter(isr -> isr > rf).ifPresent(isr -> d.error("min_insync_replicas",
                "'min_insync_replicas' (" + isr + ") must not exceed 'min_replication_factor' (" + rf
                        + "): no write with acks=all could succeed")));
        Optional<Boolean> unclean = d.bool("unclean_leader_election");
        unclean.filter(b -> b).ifPresent(b -> d.error("unclean_leader_election",
                "'unclean_leader_election' can only be required off (false); leave it out to allow either"));
        return new Tier.Durability(replicationFactor, minIsr, unclean.isPresent() && !unclean.get(),
                d.duration("min_retention"));
    }

    private Optional<Severity> severity(MapReader t, String text) {
        for (Severity s : Severity.values()) {
            if (s.label().equals(text)) {
                return Optional.of(s);
            }
        }
        t.error("severity", "unknown severity '" + text + "'"
                + Suggestions.didYouMean(text, List.of("critical", "warning", "info"))
                + "; expected one of: critical, warning, info");
        return Optional.empty();
    }

    // ---- assets ----------------------------------------------------------------------------

    private Optional<TopicOwnership> readTopic(MapReader r) {
        Optional<NameSelector> selector = selector(r);
        Optional<String> owner = owner(r);
        Optional<String> tier = tier(r);
        List<String> alsoNotify = alsoNotify(r);
        Map<String, AlertOverride> alerts = alerts(r, AlertCatalog.Subject.TOPIC);
        if (selector.isEmpty() || owner.isEmpty() || tier.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TopicOwnership(selector.get(), owner.get(), tier.get(), alsoNotify, alerts));
    }

    private Optional<ConsumerGroupOwnership> readGroup(MapReader r) {
        Optional<NameSelector> selector = selector(r);
        Optional<String> owner = owner(r);
        Optional<String> tierName = tier(r);
        Optional<FreshnessObjective> freshness = r.map("freshness", FRESHNESS_KEYS).flatMap(f -> {
            Optional<PromDuration> under = f.duration("lag_age_under");
            Optional<Percent> objective = f.percent("objective");
            if (!f.has("lag_age_under")) {
                f.missing("lag_age_under");
            }
            if (!f.has("objective")) {
                f.missing("objective");
            }
            objective.filter(o -> o.ratio() <= 0 || o.ratio() >= 1).ifPresent(o ->
                    f.error("objective", "'objective' must be above 0% and below 100%, got " + o.text()));
            PromDuration window = f.duration("window").orElse(FreshnessObjective.DEFAULT_WINDOW);
            return zip(under, objective, (u, o) -> new FreshnessObjective(u, o, window));
        });
        // Read the thresholds before giving up on the entry, so their errors are reported too.
        Optional<PromDuration> ownWarning = r.duration("lag_age_warning");
        Optional<PromDuration> ownCritical = r.duration("lag_age_critical");
        ConsumerGroupOwnership.RebalanceStorm storm = rebalanceStorm(r);
        List<String> alsoNotify = alsoNotify(r);
        Map<String, AlertOverride> alerts = alerts(r, AlertCatalog.Subject.CONSUMER_GROUP);
        if (selector.isEmpty() || owner.isEmpty() || tierName.isEmpty() || !tiers.containsKey(tierName.get())) {
            return Optional.empty();
        }
        Tier tier = tiers.get(tierName.get());
        PromDuration warning = ownWarning.orElse(tier.lagAgeWarning());
        PromDuration critical = ownCritical.orElse(tier.lagAgeCritical());
        checkOrdered(r, "lag_age_warning", warning, "lag_age_critical", critical);
        return Optional.of(new ConsumerGroupOwnership(selector.get(), owner.get(), tier.name(), warning, critical,
                freshness, alsoNotify, alerts, storm));
    }

    /** {@code max_rebalances} and {@code rebalance_window}, each defaulting on its own. */
    private ConsumerGroupOwnership.RebalanceStorm rebalanceStorm(MapReader r) {
        ConsumerGroupOwnership.RebalanceStorm defaults = ConsumerGroupOwnership.RebalanceStorm.DEFAULTS;
        int max = r.integer("max_rebalances", 1, 1_000_000).orElse(defaults.maxRebalances());
        PromDuration window = r.duration("rebalance_window").orElse(defaults.window());
        long millis = window.value().toMillis();
        if (r.has("rebalance_window") && (millis < 60_000 || millis % 60_000 != 0)) {
            r.error("rebalance_window", "'rebalance_window' must be a whole number of minutes, at least 1m, got "
                    + window.text());
        }
        return new ConsumerGroupOwnership.RebalanceStorm(max, window);
    }

    /** A share-group entry; its backlog-age thresholds default to the tier's lag-age ones. */
    private Optional<ShareGroupOwnership> readShareGroup(MapReader r) {
        Optional<NameSelector> selector = selector(r);
        Optional<String> owner = owner(r);
        Optional<String> tierName = tier(r);
        Optional<PromDuration> ownWarning = r.duration("backlog_age_warning");
        Optional<PromDuration> ownCritical = r.duration("backlog_age_critical");
        List<String> alsoNotify = alsoNotify(r);
        Map<String, AlertOverride> alerts = alerts(r, AlertCatalog.Subject.SHARE_GROUP);
        if (selector.isEmpty() || owner.isEmpty() || tierName.isEmpty() || !tiers.containsKey(tierName.get())) {
            return Optional.empty();
        }
        Tier tier = tiers.get(tierName.get());
        PromDuration warning = ownWarning.orElse(tier.lagAgeWarning());
        PromDuration critical = ownCritical.orElse(tier.lagAgeCritical());
        checkOrdered(r, "backlog_age_warning", warning, "backlog_age_critical", critical);
        return Optional.of(new ShareGroupOwnership(selector.get(), owner.get(), tier.name(), warning, critical,
                alsoNotify, alerts));
    }

    private Optional<DeadLetterTopic> readDeadLetter(MapReader r) {
        Optional<NameSelector> selector = selector(r);
        Optional<String> owner = owner(r);
        Optional<String> tier = tier(r);
        List<String> alsoNotify = alsoNotify(r);
        Map<String, AlertOverride> alerts = alerts(r, AlertCatalog.Subject.DEAD_LETTER_TOPIC);
        Optional<String> group = r.string("decision_group");
        group.filter(g -> g.isBlank() || g.chars().anyMatch(ch -> Character.isWhitespace(ch) || Character.isISOControl(ch)))
                .ifPresent(g -> r.error("decision_group", "'decision_group' must be a consumer group id without"
                        + " spaces or control characters, got '" + g + "'"));
        Optional<PromDuration> within = r.duration("decide_within");
        if (r.has("decide_within") && !r.has("decision_group")) {
            r.error("decide_within", "'decide_within' needs a 'decision_group': the group whose commits record the"
                    + " decisions");
        }
        if (selector.isEmpty() || owner.isEmpty() || tier.isEmpty()) {
            return Optional.empty();
        }
        Optional<DeadLetterTopic.Decisions> decisions = group.map(g -> new DeadLetterTopic.Decisions(g,
                within.orElse(DeadLetterTopic.Decisions.DEFAULT_DECIDE_WITHIN)));
        return Optional.of(new DeadLetterTopic(selector.get(), owner.get(), tier.get(), r.string("source_topic"),
                r.string("reason_header"), alsoNotify, alerts, decisions));
    }

    private Optional<ConnectorOwnership> readConnector(MapReader r) {
        Optional<String> name = r.requiredString("name");
        Optional<String> owner = owner(r);
        Optional<String> tier = tier(r);
        List<String> alsoNotify = alsoNotify(r);
        Map<String, AlertOverride> alerts = alerts(r, AlertCatalog.Subject.CONNECTOR);
        if (name.isEmpty() || owner.isEmpty() || tier.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ConnectorOwnership(name.get(), owner.get(), tier.get(), alsoNotify, alerts));
    }

    private Optional<ClientApp> readClient(MapReader r) {
        Optional<String> name = r.requiredString("name");
        Optional<String> owner = owner(r);
        Optional<String> tier = tier(r);
        Map<String, String> match = new TreeMap<>();
        if (!r.has("match") && !r.has("jvm_job")) {
            diagnostics.error(r.node(), r.what() + " needs 'match' (its client series), 'jvm_job' (its JVM), or both");
        }
        Optional<String> jvmJob = r.string("jvm_job").filter(re -> checkRegex(r.value("jvm_job").orElseThrow(), re));
        List<String> alsoNotify = alsoNotify(r);
        Map<String, AlertOverride> alerts = alerts(r, AlertCatalog.Subject.CLIENT_APP);
        r.value("match").flatMap(v -> MapReader.of(v, diagnostics, "'match' of a client app", anyKey(v)))
                .ifPresent(m -> {
                    for (NodeTuple tuple : m.tuples()) {
                        String label = ((ScalarNode) tuple.getKeyNode()).getValue();
                        if (!label.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
                            diagnostics.error(tuple.getKeyNode(), "'" + label
                                    + "' is not a Prometheus label name: expected letters, digits and underscores");
                        }
                        m.string(label).filter(re -> checkRegex(tuple.getValueNode(), re))
                                .ifPresent(re -> match.put(label, re));
                    }
                    if (m.tuples().isEmpty()) {
                        diagnostics.error(m.node(), "'match' of a client app needs at least one label, e.g. client_id: \"checkout-.*\"");
                    }
                });
        if (name.isEmpty() || owner.isEmpty() || tier.isEmpty() || (match.isEmpty() && jvmJob.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new ClientApp(name.get(), owner.get(), tier.get(), match, jvmJob, alsoNotify, alerts));
    }

    private Optional<Funnel> readFunnel(MapReader r) {
        Optional<String> name = r.requiredString("name");
        Optional<String> owner = owner(r);
        Optional<String> tier = tier(r);
        Optional<Funnel.Correlation> correlation = r.map("correlation", CORRELATION_KEYS).flatMap(this::correlation);
        PromDuration window = r.duration("window").orElse(Funnel.DEFAULT_WINDOW);
        List<String> alsoNotify = alsoNotify(r);
        Map<String, AlertOverride> alerts = alerts(r, AlertCatalog.Subject.FUNNEL);
        if (!r.has("stages")) {
            r.missing("stages");
        }
        List<Node> stageNodes = r.list("stages");
        List<Funnel.Stage> stages = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Node item : stageNodes) {
            MapReader.of(item, diagnostics, "a stage of funnel '" + name.orElse("?") + "'", STAGE_KEYS)
                    .flatMap(this::readStage).ifPresent(stage -> {
                        Node nameNode = ((org.yaml.snakeyaml.nodes.MappingNode) item).getValue().stream()
                                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("name"))
                                .map(NodeTuple::getValueNode).findFirst().orElse(item);
                        Integer first = seen.putIfAbsent(stage.name(), nameNode.getStartMark().getLine() + 1);
                        if (first != null) {
                            diagnostics.error(nameNode, "duplicate stage '" + stage.name() + "' in funnel '"
                                    + name.orElse("?") + "' (first defined at line " + first + ")");
                        }
                        stages.add(stage);
                    });
        }
        boolean stagesIsList = r.value("stages").filter(v -> v instanceof org.yaml.snakeyaml.nodes.SequenceNode)
                .isPresent();
        if (stagesIsList && stageNodes.size() < 2) {
            r.error("stages", "funnel '" + name.orElse("?") + "' needs at least two stages, has "
                    + stageNodes.size());
        }
        Optional<Integer> maxDropped = r.integer("max_dropped_keys", 0, Integer.MAX_VALUE);
        Optional<Percent> maxMisses = r.percent("max_correlation_miss_ratio");
        for (String key : List.of("max_dropped_keys", "max_correlation_miss_ratio")) {
            if (r.has(key) && !r.has("correlation")) {
                r.error(key, "'" + key + "' needs a 'correlation': without a key, records are not followed and"
                        + " nothing can be dropped or missed");
            }
        }
        if (r.has("correlation") && correlation.isEmpty()) {
            return Optional.empty();
        }
        if (name.isEmpty() || owner.isEmpty() || tier.isEmpty() || stages.size() != stageNodes.size()
                || stageNodes.size() < 2) {
            return Optional.empty();
        }
        Funnel.Truth truth = new Funnel.Truth(maxDropped.orElse(Funnel.Truth.DEFAULTS.maxDroppedKeys()),
                maxMisses.orElse(Funnel.Truth.DEFAULTS.maxCorrelationMissRatio()));
        return Optional.of(new Funnel(name.get(), owner.get(), tier.get(), correlation, window, stages, alsoNotify,
                alerts, truth));
    }

    private Optional<Funnel.Correlation> correlation(MapReader c) {
        long written = CORRELATION_KEYS.stream().filter(c::has).count();
        if (written != 1) {
            diagnostics.error(c.node(), "'correlation' needs exactly one of 'key: true', 'header' or 'json_field'");
            return Optional.empty();
        }
        if (c.has("key")) {
            return c.bool("key").flatMap(k -> {
                if (!k) {
                    c.error("key", "'key: false' says nothing: use 'key: true', 'header: <name>' or 'json_field: <field>'");
                    return Optional.empty();
                }
                return Optional.of(new Funnel.Correlation.RecordKey());
            });
        }
        if (c.has("header")) {
            return c.string("header").map(Funnel.Correlation.Header::new);
        }
        return c.string("json_field").map(Funnel.Correlation.JsonField::new);
    }

    private Optional<Funnel.Stage> readStage(MapReader s) {
        Optional<String> name = s.requiredString("name");
        Optional<String> topic = s.requiredString("topic");
        Optional<PromDuration> maxWait = s.duration("max_wait");
        Optional<Funnel.Match> match = s.map("match", MATCH_KEYS).flatMap(m -> {
            Optional<String> equals = m.requiredString("equals");
            Optional<String> header = m.string("header");
            Optional<String> field = m.string("json_field");
            if (header.isPresent() == field.isPresent()) {
                diagnostics.error(m.node(), "'match' needs exactly one of 'header' or 'json_field'");
                return Optional.empty();
            }
            return equals.map(e -> header.<Funnel.Match>map(h -> new Funnel.Match.Header(h, e))
                    .orElseGet(() -> new Funnel.Match.JsonField(field.get(), e)));
        });
        if (name.isEmpty() || topic.isEmpty() || (s.has("match") && match.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new Funnel.Stage(name.get(), topic.get(), match, maxWait));
    }

    private Platform readPlatform(MapReader root) {
        if (!root.has("platform")) {
            root.missing("platform");
            return null;
        }
        return root.map("platform", PLATFORM_KEYS).flatMap(p -> {
            Optional<String> owner = owner(p);
            Optional<String> tier = tier(p);
            Platform.Disk disk = p.map("disk", DISK_KEYS).map(d -> {
                Platform.Disk defaults = Platform.Disk.DEFAULTS;
                Platform.Disk read = new Platform.Disk(
                        d.percent("usage_warning").orElse(defaults.usageWarning()),
                        d.percent("usage_critical").orElse(defaults.usageCritical()),
                        d.duration("exhaustion_warning").orElse(defaults.exhaustionWarning()),
                        d.duration("exhaustion_critical").orElse(defaults.exhaustionCritical()));
                if (read.usageWarning().ratio() > read.usageCritical().ratio()) {
                    d.error("usage_warning", "'usage_warning' (" + read.usageWarning() + ") must not exceed 'usage_critical' ("
                            + read.usageCritical() + ")");
                }
                if (read.exhaustionWarning().value().compareTo(read.exhaustionCritical().value()) < 0) {
                    d.error("exhaustion_warning", "'exhaustion_warning' (" + read.exhaustionWarning()
                            + ") must be at least 'exhaustion_critical' (" + read.exhaustionCritical()
                            + "): the warning horizon comes first");
                }
                return read;
            }).orElse(Platform.Disk.DEFAULTS);
            Map<String, AlertOverride> alerts = alerts(p, AlertCatalog.Subject.PLATFORM);
            return zip(owner, tier, (o, t) -> new Platform(o, t, disk, alerts));
        }).orElse(null);
    }

    // ---- shared checks ---------------------------------------------------------------------

    /** {@code name} or {@code pattern}, exactly one; patterns must compile. */
    private Optional<NameSelector> selector(MapReader r) {
        boolean hasName = r.has("name");
        boolean hasPattern = r.has("pattern");
        if (hasName == hasPattern) {
            diagnostics.error(r.node(), r.what() + " needs exactly one of 'name' or 'pattern'"
                    + (hasName ? ", not both" : ""));
            return Optional.empty();
        }
        if (hasName) {
            return r.string("name").map(NameSelector::exact);
        }
        return r.string("pattern").filter(p -> checkRegex(r.value("pattern").orElseThrow(), p))
                .map(NameSelector::regex);
    }

    private boolean checkRegex(Node at, String regex) {
        Optional<String> problem = UserRegex.problem(regex);
        problem.ifPresent(p -> diagnostics.error(at, "invalid regex '" + regex + "': " + p));
        return problem.isEmpty();
    }

    private Optional<String> owner(MapReader r) {
        return r.requiredString("owner")
                .filter(o -> teamsReadable && checkRef(r, "owner", o, declaredTeams, teams.keySet(), "team"));
    }

    /** The entry's tier, or the file's default tier when the entry names none. */
    private Optional<String> tier(MapReader r) {
        if (!r.has("tier")) {
            if (defaultTier.isEmpty() && !defaultTierWritten) {
                diagnostics.error(r.node(), "missing required key 'tier' in " + r.what()
                        + " (or set 'default_tier' at the top of the file)");
            }
            return defaultTier;
        }
        return r.string("tier")
                .filter(t -> tiersReadable && checkRef(r, "tier", t, declaredTiers, tiers.keySet(), "tier"));
    }

    /**
     * True when {@code value} names a valid entry. A name that is declared but invalid was reported
     * where it is declared, so it is not reported again here; the reference is still unusable.
     */
    private boolean checkRef(MapReader r, String key, String value, Set<String> declared, Set<String> known,
                             String kind) {
        if (known.contains(value)) {
            return true;
        }
        if (declared.contains(value)) {
            return false;
        }
        r.error(key, "unknown " + kind + " '" + value + "'" + Suggestions.didYouMean(value, declared)
                + " (known: " + (declared.isEmpty() ? "none" : String.join(", ", declared.stream().sorted().toList()))
                + ")");
        return false;
    }

    private void checkIdentifier(Node at, String name, String what) {
        if (!IDENTIFIER.matcher(name).matches()) {
            diagnostics.error(at, "invalid " + what + " '" + name
                    + "': expected letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    private void checkOrdered(MapReader r, String lowKey, PromDuration low,
                                                               String highKey, PromDuration high) {
        if (low.value().compareTo(high.value()) > 0) {
            r.error(r.has(lowKey) ? lowKey : highKey, "'" + lowKey + "' (" + low + ") must not exceed '" + highKey
                    + "' (" + high + ")");
        }
    }

    /** Reports list entries that name the same resource twice, pointing at the second. */
    private void checkUnique(MapReader root, String listKey, String kind, String... keys) {
        Map<String, Integer> seen = new HashMap<>();
        List<Node> items = root.value(listKey)
                .filter(v -> v instanceof org.yaml.snakeyaml.nodes.SequenceNode)
                .map(v -> ((org.yaml.snakeyaml.nodes.SequenceNode) v).getValue())
                .orElse(List.of());
        for (Node item : items) {
            if (!(item instanceof org.yaml.snakeyaml.nodes.MappingNode mapping)) {
                continue;
            }
            for (NodeTuple t : mapping.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && List.of(keys).contains(k.getValue())
                        && t.getValueNode() instanceof ScalarNode v) {
                    Integer first = seen.putIfAbsent(k.getValue() + "\u0000" + v.getValue(),
                            item.getStartMark().getLine() + 1);
                    if (first != null) {
                        diagnostics.error(t.getValueNode(), "duplicate " + kind + " '" + v.getValue()
                                + "' (first defined at line " + first + ")");
                    }
                }
            }
        }
    }

    /** Keys of a name-keyed mapping (teams, tiers) are free-form: allow whatever is there. */
    private static Set<String> anyKey(Node node) {
        Set<String> keys = new java.util.HashSet<>();
        if (node instanceof org.yaml.snakeyaml.nodes.MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode s) {
                    keys.add(s.getValue());
                }
            }
        }
        return keys;
    }

    private static <A, B, R> Optional<R> zip(Optional<A> a, Optional<B> b, java.util.function.BiFunction<A, B, R> f) {
        return a.isPresent() && b.isPresent() ? Optional.of(f.apply(a.get(), b.get())) : Optional.empty();
    }
}
