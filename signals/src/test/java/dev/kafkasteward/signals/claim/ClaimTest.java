package dev.kafkasteward.signals.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.re2j.Pattern;
import dev.kafkasteward.contract.ownership.NameSelector;
import dev.kafkasteward.contract.ownership.TopicOwnership;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The first entry in file order owns a name; later entries exclude what earlier ones may claim. */
class ClaimTest {

    private static final List<TopicOwnership> ENTRIES = List.of(
            entry(NameSelector.exact("orders"), "a"), entry(NameSelector.regex("orders|billing"), "b"),
            entry(NameSelector.exact("orders"), "c"), entry(NameSelector.regex("o.*|b.*"), "a"));

    private static TopicOwnership entry(NameSelector selector, String owner) {
        return new TopicOwnership(selector, owner, "t", List.of());
    }

    private static final Function<String, Optional<TopicOwnership>> FIRST_MATCH =
            n -> ENTRIES.stream().filter(e -> e.selector().matches(n)).findFirst();

    private static List<Claim<TopicOwnership>> plan() {
        return Claim.plan(ENTRIES, FIRST_MATCH);
    }

    @Test
    void aRepeatedSelectorClaimsNothing() {
        List<Claim<TopicOwnership>> claims = plan();
        assertEquals(List.of(ENTRIES.get(0), ENTRIES.get(1), ENTRIES.get(3)), claims.stream().map(Claim::entry).toList());
        assertEquals(List.of(ENTRIES.get(0).selector(), ENTRIES.get(1).selector()), claims.get(2).excluded());
        assertEquals(List.of(claims.get(0), claims.get(2)), Claim.ownedBy(claims, "a"));
    }

    @Test
    void samplesAreNamesTheEntryItselfOwns() {
        List<Claim<TopicOwnership>> claims = plan();
        assertEquals(Optional.of("orders"), claims.get(0).sample());
        // The pattern's first alternative is claimed by the exact entry before it.
        assertEquals(Optional.empty(), claims.get(1).sample());
    }

    @Test
    void matchersSelectTheClusterAndExcludeEarlierEntries() {
        assertEquals(List.of("cluster=\"c\"", "topic=~\"orders|billing\"", "topic!~\"orders\""),
                plan().get(1).matchers("topic", "c"));
        assertEquals(List.of("cluster=\"c\"", "topic=\"orders\""), plan().get(0).matchers("topic", "c"));
        assertEquals(List.of("topic=~\"o.*|b.*\"", "topic!~\"orders|(?:orders|billing)\""),
                plan().get(2).matchers("topic"));
    }

    /** The PromQL matchers decide as {@code Ownership}'s lookup does, for names on both sides of each boundary. */
    @Test
    void matchersAgreeWithTheFirstMatchForEveryName() {
        List<Claim<TopicOwnership>> claims = plan();
        for (String name : List.of("orders", "billing", "ops", "bills", "x", "ordersX")) {
            String expected = FIRST_MATCH.apply(name).map(TopicOwnership::owner).orElse("none");
            String actual = claims.stream().filter(c -> c.selector().matches(name) && c.excluded().stream()
                    .noneMatch(e -> Pattern.matches(unquoted(c, e), name))).map(Claim::owner).findFirst().orElse("none");
            assertEquals(expected, actual, name);
        }
    }

    private static String unquoted(Claim<TopicOwnership> claim, NameSelector excluded) {
        return excluded.isPattern() ? excluded.text() : Pattern.quote(excluded.text());
    }
}
