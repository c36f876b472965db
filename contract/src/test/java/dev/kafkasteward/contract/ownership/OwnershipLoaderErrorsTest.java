package dev.kafkasteward.contract.ownership;

import static dev.kafkasteward.contract.ownership.Loading.BASE;
import static dev.kafkasteward.contract.ownership.Loading.assertDiagnostic;
import static dev.kafkasteward.contract.ownership.Loading.errors;
import static dev.kafkasteward.contract.ownership.Loading.line;
import static dev.kafkasteward.contract.ownership.Loading.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each mistake an owner can make yields one diagnostic at the right line and column, with its text. */
class OwnershipLoaderErrorsTest {

    private static final String RE2 = "; patterns are RE2, as in Prometheus (no lookaround, backreferences or"
            + " possessive quantifiers)";

    @Nested
    class MalformedYaml {

        @Test
        void badIndentation() {
            assertDiagnostic(2, 8, "malformed YAML: mapping values are not allowed here",
                    only("""
                            cluster: c
                              teams: x
                            """));
        }

        @Test
        void unclosedQuoteNamesWhereTheQuoteOpened() {
            assertDiagnostic(3, 1, "malformed YAML: found unexpected end of stream"
                            + " (while scanning a quoted scalar, which started at line 2, column 15)",
                    only("""
                            cluster: c
                            default_tier: "tier-1
                            """));
        }

        @Test
        void tabIndentation() {
            assertDiagnostic(3, 1, "malformed YAML: found character '\\t(TAB)' that cannot start any token."
                            + " (Do not use \\t(TAB) for indentation) (while scanning for the next token)",
                    only("cluster: c\nteams:\n\tcheckout: {}\n"));
        }

        @Test
        void twoDocuments() {
            assertDiagnostic(2, 1, "malformed YAML: but found another document (expected a single document in the stream)",
                    only("cluster: a\n---\ncluster: b\n"));
        }
    }

    @Test
    void unknownKeySuggestsTheClosestOne() {
        List<Diagnostic> found = errors(BASE + """
                topics:
                  - name: orders
                    ownr: checkout
                    tier: tier-1
                """);
        assertEquals(2, found.size(), Loading.lines(found));
        assertDiagnostic(line(2), 5, "missing required key 'owner' in a topic", found.get(0));
        assertDiagnostic(line(3), 5, "unknown key 'ownr' in a topic (did you mean 'owner'?);"
                + " expected one of: alerts, also_notify, name, owner, pattern, tier", found.get(1));
    }

    @Test
    void unknownRootKeyWithoutACloseCandidateHasNoSuggestion() {
        assertDiagnostic(line(1), 1, "unknown key 'alerting' in the ownership file; expected one of: client_apps,"
                        + " cluster, connectors, consumer_groups, dead_letter_topics, default_tier, funnels, platform,"
                        + " share_groups, shared_responsibility, teams, tiers, topics, unowned",
                only(BASE + "alerting: true\n"));
    }

    @Nested
    class WrongType {

        @Test
        void listWhereAMappingIsExpected() {
            assertDiagnostic(line(2), 5, "'disk' of 'platform' of the ownership file must be a mapping, got a list",
                    only(BASE + "  disk:\n    - 80%\n"));
        }

        @Test
        void listWhereTeamsMappingIsExpected() {
            List<Diagnostic> found = errors("""
                    cluster: c
                    teams:
                      - checkout
                    tiers:
                      tier-1:
                        severity: critical
                    platform:
                      owner: checkout
                      tier: tier-1
                    """);
            // 'teams' is unreadable, so the owner reference is not reported as unknown as well.
            assertEquals(1, found.size(), Loading.lines(found));
            assertDiagnostic(3, 3, "'teams' must be a mapping, got a list", found.get(0));
        }

        @Test
        void mappingWhereAValueIsExpected() {
            assertDiagnostic(1, 10, "'cluster' in the ownership file must be a single value, got a mapping",
                    only(BASE.replace("cluster: c", "cluster: {name: c}")));
        }

        @Test
        void nothingWhereAValueIsExpected() {
            assertDiagnostic(1, 9, "'cluster' in the ownership file must be a single value, got nothing",
                    only(BASE.replace("cluster: c", "cluster:")));
        }

        @Test
        void scalarWhereAListIsExpected() {
            assertDiagnostic(line(1), 9, "'topics' in the ownership file must be a list, got 'orders'",
                    only(BASE + "topics: orders\n"));
        }

        @Test
        void scalarWhereAListItemMappingIsExpected() {
            assertDiagnostic(line(2), 5, "a consumer group must be a mapping, got 'fulfillment-service'",
                    only(BASE + """
                            consumer_groups:
                              - fulfillment-service
                            """));
        }

        @Test
        void scalarWhereABooleanIsExpected() {
            List<Diagnostic> found = errors(BASE + """
                    funnels:
                      - name: f
                        owner: checkout
                        tier: tier-1
                        correlation:
                          key: maybe
                        stages:
                          - {name: a, topic: a}
                          - {name: b, topic: b}
                    """);
            assertEquals(1, found.size(), Loading.lines(found));
            assertDiagnostic(line(6), 12, "'key' in 'correlation' of a funnel must be true or false, got 'maybe'",
                    found.get(0));
        }
    }

    @Test
    void badDuration() {
        assertDiagnostic(line(3), 22, "invalid duration '5x' for 'lag_age_warning' in tier 'tier-2':"
                        + " expected a Prometheus duration such as 30s, 5m, 2h or 1d",
                only(insertTiers("""
                          tier-2:
                            severity: warning
                            lag_age_warning: 5x
                        """)));
    }

    @Test
    void badDurationIsReportedEvenWhenTheEntryHasOtherErrors() {
        List<Diagnostic> found = errors(BASE + """
                consumer_groups:
                  - name: fulfillment
                    owner: nobody
                    tier: tier-1
                    lag_age_critical: 5x
                """);
        assertEquals(2, found.size(), Loading.lines(found));
        assertDiagnostic(line(3), 12, "unknown team 'nobody' (known: checkout, payments)", found.get(0));
        assertDiagnostic(line(5), 23, "invalid duration '5x' for 'lag_age_critical' in a consumer group:"
                + " expected a Prometheus duration such as 30s, 5m, 2h or 1d", found.get(1));
    }

    @Test
    void zeroDurationIsRejected() {
        assertDiagnostic(line(3), 10, "'for' in tier 'tier-2' must be longer than zero",
                only(insertTiers("""
                          tier-2:
                            severity: warning
                            for: 0s
                        """)));
    }

    @Test
    void ownerNamingAnUndefinedTeam() {
        assertDiagnostic(line(3), 12, "unknown team 'chekout' (did you mean 'checkout'?) (known: checkout, payments)",
                only(BASE + """
                        topics:
                          - name: orders
                            owner: chekout
                            tier: tier-1
                        """));
    }

    @Test
    void ownerFarFromEveryTeamListsTheKnownOnes() {
        assertDiagnostic(line(3), 12, "unknown team 'logistics' (known: checkout, payments)",
                only(BASE + """
                        connectors:
                          - name: to-warehouse
                            owner: logistics
                            tier: tier-1
                        """));
    }

    @Test
    void tierNamingAnUndefinedTier() {
        assertDiagnostic(line(4), 11, "unknown tier 'gold' (known: tier-1)",
                only(BASE + """
                        topics:
                          - name: orders
                            owner: checkout
                            tier: gold
                        """));
    }

    @Test
    void defaultTierNamingAnUndefinedTier() {
        List<Diagnostic> found = errors(BASE + """
                default_tier: tier-3
                topics:
                  - name: orders
                    owner: checkout
                """);
        // The topic has no tier of its own; it is not also reported as missing one.
        assertEquals(1, found.size(), Loading.lines(found));
        assertDiagnostic(line(1), 15, "unknown tier 'tier-3' (did you mean 'tier-1'?) (known: tier-1)", found.get(0));
    }

    @Test
    void missingTierWithoutDefaultTier() {
        assertDiagnostic(line(2), 5, "missing required key 'tier' in a topic (or set 'default_tier' at the top of the file)",
                only(BASE + """
                        topics:
                          - name: orders
                            owner: checkout
                        """));
    }

    @Test
    void anInvalidTierIsReportedOnceNotAtEveryReference() {
        List<Diagnostic> found = errors(insertTiers("""
                  tier-2:
                    severity: urgent
                """) + """
                topics:
                  - name: orders
                    owner: checkout
                    tier: tier-2
                consumer_groups:
                  - name: fulfillment
                    owner: checkout
                    tier: tier-2
                """);
        assertEquals(1, found.size(), Loading.lines(found));
        assertDiagnostic(line(2), 15, "unknown severity 'urgent'; expected one of: critical, warning, info", found.get(0));
    }

    @Nested
    class Duplicates {

        @Test
        void consumerGroup() {
            assertDiagnostic(line(6), 11, "duplicate consumer group 'fulfillment' (first defined at line 18)",
                    only(BASE + """
                            consumer_groups:
                              - name: fulfillment
                                owner: checkout
                                tier: tier-1
                              - owner: payments
                                name: fulfillment
                                tier: tier-1
                            """));
        }

        @Test
        void topicPattern() {
            assertDiagnostic(line(5), 14, "duplicate topic 'orders\\..*' (first defined at line 18)",
                    only(BASE + """
                            topics:
                              - pattern: 'orders\\..*'
                                owner: checkout
                                tier: tier-1
                              - pattern: 'orders\\..*'
                                owner: payments
                                tier: tier-1
                            """));
        }

        @Test
        void teamKeyDuplicatedInYaml() {
            assertDiagnostic(7, 3, "duplicate key 'checkout' in 'teams' (first at line 3)",
                    only("""
                            cluster: c
                            teams:
                              checkout:
                                receivers:
                                  - type: webhook
                                    url: http://a
                              checkout:
                                receivers:
                                  - type: webhook
                                    url: http://b
                            tiers:
                              tier-1:
                                severity: critical
                            platform:
                              owner: checkout
                              tier: tier-1
                            """));
        }

        @Test
        void keyDuplicatedInAnEntry() {
            assertDiagnostic(line(4), 5, "duplicate key 'owner' in a topic (first at line 19)",
                    only(BASE + """
                            topics:
                              - name: orders
                                owner: checkout
                                owner: payments
                                tier: tier-1
                            """));
        }

        @Test
        void funnelStage() {
            assertDiagnostic(line(10), 15, "duplicate stage 'accepted' in funnel 'orders' (first defined at line 22)",
                    only(BASE + """
                            funnels:
                              - name: orders
                                owner: checkout
                                tier: tier-1
                                stages:
                                  - name: accepted
                                    topic: orders.accepted
                                  - topic: orders.paid
                                    max_wait: 5m
                                    name: accepted
                            """));
        }
    }

    @Test
    void invalidRegexInPattern() {
        assertDiagnostic(line(2), 14, "invalid regex 'orders.(v1': missing closing )"
                + RE2,
                only(BASE + """
                        topics:
                          - pattern: 'orders.(v1'
                            owner: checkout
                            tier: tier-1
                        """));
    }

    @Test
    void aPatternRe2CannotRunSaysWhereJavaWouldHaveAcceptedIt() {
        assertDiagnostic(line(2), 14, "invalid regex 'orders-(?!test).*': invalid or unsupported Perl syntax '(?!'"
                + " at character 8" + RE2,
                only(BASE + """
                        topics:
                          - pattern: 'orders-(?!test).*'
                            owner: checkout
                            tier: tier-1
                        """));
    }

    @Test
    void invalidRegexInClientAppMatch() {
        assertDiagnostic(line(6), 18, "invalid regex 'checkout-[': missing closing ] '[' at character 10"
                + RE2,
                only(BASE + """
                        client_apps:
                          - name: checkout-service
                            owner: checkout
                            tier: tier-1
                            match:
                              client_id: 'checkout-['
                        """));
    }

    @Test
    void funnelWithOneStage() {
        assertDiagnostic(line(6), 7, "funnel 'orders' needs at least two stages, has 1",
                only(BASE + """
                        funnels:
                          - name: orders
                            owner: checkout
                            tier: tier-1
                            stages:
                              - name: accepted
                                topic: orders.accepted
                        """));
    }

    @Test
    void funnelStagesNotAListIsReportedOnce() {
        assertDiagnostic(line(5), 13, "'stages' in a funnel must be a list, got 'accepted'",
                only(BASE + """
                        funnels:
                          - name: orders
                            owner: checkout
                            tier: tier-1
                            stages: accepted
                        """));
    }

    @Nested
    class Missing {

        @Test
        void requiredRootKeys() {
            List<Diagnostic> found = errors("cluster: c\n");
            assertEquals(3, found.size(), Loading.lines(found));
            assertDiagnostic(1, 1, "missing required key 'teams' in the ownership file", found.get(0));
            assertDiagnostic(1, 1, "missing required key 'tiers' in the ownership file", found.get(1));
            assertDiagnostic(1, 1, "missing required key 'platform' in the ownership file", found.get(2));
        }

        @Test
        void missingTeamsIsNotAlsoReportedAtEveryOwner() {
            assertDiagnostic(1, 1, "missing required key 'teams' in the ownership file",
                    only("""
                            cluster: c
                            tiers:
                              tier-1:
                                severity: critical
                            topics:
                              - name: orders
                                owner: checkout
                                tier: tier-1
                            platform:
                              owner: platform
                              tier: tier-1
                            """));
        }

        @Test
        void requiredKeyOfAListEntryPointsAtTheEntry() {
            assertDiagnostic(line(2), 5, "missing required key 'owner' in a connector",
                    only(BASE + """
                            connectors:
                              - name: to-warehouse
                                tier: tier-1
                            """));
        }

        @Test
        void nameAndPatternBothPresent() {
            assertDiagnostic(line(2), 5, "a topic needs exactly one of 'name' or 'pattern', not both",
                    only(BASE + """
                            topics:
                              - name: orders
                                pattern: 'orders.*'
                                owner: checkout
                                tier: tier-1
                            """));
        }

        @Test
        void neitherNameNorPattern() {
            assertDiagnostic(line(2), 5, "a dead-letter topic needs exactly one of 'name' or 'pattern'",
                    only(BASE + """
                            dead_letter_topics:
                              - owner: checkout
                                tier: tier-1
                            """));
        }

        @Test
        void teamWithoutReceivers() {
            assertDiagnostic(4, 5, "missing required key 'receivers' in team 'checkout'",
                    only("""
                            cluster: c
                            teams:
                              checkout:
                                description: no way to reach us
                            tiers:
                              tier-1:
                                severity: critical
                            platform:
                              owner: checkout
                              tier: tier-1
                            """));
        }

        @Test
        void freshnessWithoutObjective() {
            assertDiagnostic(line(6), 7, "missing required key 'objective' in 'freshness' of a consumer group",
                    only(BASE + """
                            consumer_groups:
                              - name: fulfillment
                                owner: checkout
                                tier: tier-1
                                freshness:
                                  lag_age_under: 1m
                            """));
        }
    }

    @Nested
    class Receivers {

        @Test
        void unknownType() {
            assertDiagnostic(5, 15, "unknown receiver type 'slak' (did you mean 'slack'?);"
                            + " expected one of: email, pagerduty, slack, webhook",
                    only(BASE.replaceFirst("type: webhook\n        url: http://127.0.0.1/checkout",
                            "type: slak\n        channel: '#checkout'")));
        }

        @Test
        void keyThatDoesNotApplyToTheType() {
            assertDiagnostic(7, 9, "key 'channel' does not apply to a webhook receiver; expected one of: type, url, url_file",
                    only(BASE.replaceFirst("url: http://127.0.0.1/checkout",
                            "url: http://127.0.0.1/checkout\n        channel: '#checkout'")));
        }

        @Test
        void slackWithoutSecretFile() {
            assertDiagnostic(5, 9, "missing required key 'api_url_file' in a receiver of team 'checkout'",
                    only(BASE.replaceFirst("type: webhook\n        url: http://127.0.0.1/checkout",
                            "type: slack\n        channel: '#checkout'")));
        }

        @Test
        void webhookWithBothUrlAndUrlFile() {
            assertDiagnostic(5, 9, "a receiver of team 'checkout' of type webhook needs exactly one of 'url' or 'url_file'",
                    only(BASE.replaceFirst("url: http://127.0.0.1/checkout",
                            "url: http://127.0.0.1/checkout\n        url_file: /etc/secret")));
        }

        @Test
        void webhookWithEmptyUrlIsReportedOnce() {
            assertDiagnostic(6, 13, "'url' in a receiver of team 'checkout' must be a single value, got nothing",
                    only(BASE.replaceFirst("url: http://127.0.0.1/checkout", "url:")));
        }
    }

    @Nested
    class Ranges {

        @Test
        void percentAbove100() {
            assertDiagnostic(line(2), 20, "invalid percentage '150%' for 'usage_warning' in 'disk' of 'platform' of the"
                            + " ownership file: expected a number from 0 to 100 followed by %, such as 99.5%",
                    only(BASE + """
                              disk:
                                usage_warning: 150%
                            """));
        }

        @Test
        void percentWithoutSign() {
            assertDiagnostic(line(7), 18, "invalid percentage '99.5' for 'objective' in 'freshness' of a consumer group:"
                            + " expected a number from 0 to 100 followed by %, such as 99.5%",
                    only(BASE + """
                            consumer_groups:
                              - name: fulfillment
                                owner: checkout
                                tier: tier-1
                                freshness:
                                  lag_age_under: 1m
                                  objective: '99.5'
                            """));
        }

        @Test
        void objectiveOf100PercentCannotBeMet() {
            assertDiagnostic(line(7), 18, "'objective' must be above 0% and below 100%, got 100%",
                    only(BASE + """
                            consumer_groups:
                              - name: fulfillment
                                owner: checkout
                                tier: tier-1
                                freshness:
                                  lag_age_under: 1m
                                  objective: 100%
                            """));
        }

        @Test
        void tierWarningAboveCritical() {
            assertDiagnostic(line(3), 22, "'lag_age_warning' (20m) must not exceed 'lag_age_critical' (15m)",
                    only(insertTiers("""
                              tier-2:
                                severity: warning
                                lag_age_warning: 20m
                            """)));
        }

        @Test
        void groupWarningAboveCriticalInheritedFromTier() {
            assertDiagnostic(line(5), 22, "'lag_age_warning' (1h) must not exceed 'lag_age_critical' (15m)",
                    only(BASE + """
                            consumer_groups:
                              - name: fulfillment
                                owner: checkout
                                tier: tier-1
                                lag_age_warning: 1h
                            """));
        }

        @Test
        void diskUsageWarningAboveCritical() {
            assertDiagnostic(line(2), 20, "'usage_warning' (95%) must not exceed 'usage_critical' (90%)",
                    only(BASE + """
                              disk:
                                usage_warning: 95%
                            """));
        }

        @Test
        void diskExhaustionWarningSoonerThanCritical() {
            assertDiagnostic(line(2), 25, "'exhaustion_warning' (1h) must be at least 'exhaustion_critical' (4h):"
                            + " the warning horizon comes first",
                    only(BASE + """
                              disk:
                                exhaustion_warning: 1h
                            """));
        }
    }

    @Nested
    class Correlation {

        private static final String FUNNEL = """
                funnels:
                  - name: f
                    owner: checkout
                    tier: tier-1
                    correlation:
                %s
                    stages:
                      - {name: a, topic: a}
                      - {name: b, topic: b}
                """;

        @Test
        void keyYesIsTrue() {
            Ownership model = Loading.load(BASE + FUNNEL.formatted("      key: yes"));
            assertEquals(new Funnel.Correlation.RecordKey(), model.funnels().get(0).correlation().orElseThrow());
        }

        @Test
        void keyFalseIsReportedOnce() {
            assertDiagnostic(line(6), 12, "'key: false' says nothing: use 'key: true', 'header: <name>' or 'json_field: <field>'",
                    only(BASE + FUNNEL.formatted("      key: false")));
        }

        @Test
        void twoCorrelations() {
            assertDiagnostic(line(6), 7, "'correlation' needs exactly one of 'key: true', 'header' or 'json_field'",
                    only(BASE + FUNNEL.formatted("      header: order-id\n      json_field: orderId")));
        }
    }

    @Test
    void everyErrorIsReportedAtOnceInFileOrder() {
        List<Diagnostic> found = errors("""
                cluster: c
                teams:
                  checkout:
                    receivers:
                      - type: webhok
                tiers:
                  tier-1:
                    severity: critical
                    lag_age_warning: 5x
                topics:
                  - name: orders
                    owner: chekout
                    tier: tier-1
                consumer_groups:
                  - pattern: 'fulfillment-('
                    owner: checkout
                    tier: tier-1
                platform:
                  owner: checkout
                  tier: tier-1
                  disk:
                    usage_critical: 101%
                """);
        assertEquals(List.of(
                "test.yml:5:15: unknown receiver type 'webhok' (did you mean 'webhook'?);"
                        + " expected one of: email, pagerduty, slack, webhook",
                "test.yml:9:22: invalid duration '5x' for 'lag_age_warning' in tier 'tier-1':"
                        + " expected a Prometheus duration such as 30s, 5m, 2h or 1d",
                "test.yml:12:12: unknown team 'chekout' (did you mean 'checkout'?) (known: checkout)",
                "test.yml:15:14: invalid regex 'fulfillment-(': missing closing )"
                + RE2,
                "test.yml:22:21: invalid percentage '101%' for 'usage_critical' in 'disk' of 'platform' of the"
                        + " ownership file: expected a number from 0 to 100 followed by %, such as 99.5%"),
                found.stream().map(Diagnostic::toString).toList());
    }

    @Test
    void exceptionMessageIsOneLinePerDiagnostic() {
        try {
            new OwnershipLoader().parse("x.yml", "cluster: c\n");
        } catch (OwnershipException e) {
            assertEquals("""
                    x.yml:1:1: missing required key 'teams' in the ownership file
                    x.yml:1:1: missing required key 'tiers' in the ownership file
                    x.yml:1:1: missing required key 'platform' in the ownership file""", e.getMessage());
            return;
        }
        throw new AssertionError("expected an OwnershipException");
    }

    /** {@link Loading#BASE} with {@code extraTiers} inserted right after 'tiers:' (so at line(1) onwards). */
    private static String insertTiers(String extraTiers) {
        // Move 'tiers' to the end so the inserted lines number from line(1) like appended ones.
        String withoutTiers = BASE.replace("tiers:\n  tier-1:\n    severity: critical\n", "");
        return withoutTiers + "tiers:\n  tier-1:\n    severity: critical\n" + extraTiers;
    }
}
