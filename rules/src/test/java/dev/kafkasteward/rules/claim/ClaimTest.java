package dev.kafkasteward.rules.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkasteward.contract.ownership.NameSelector;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The first entry in file order owns a name; later entries exclude what earlier ones may claim. */
class ClaimTest {

    private static final List<NameSelector> ENTRIES = List.of(NameSelector.exact("orders"),
            NameSelector.regex("orders|billing"), NameSelector.exact("orders"), NameSelector.regex("o.*|b.*"));

    private static List<Claim<NameSelector>> plan() {
        Function<String, Optional<NameSelector>> firstMatch = n -> ENTRIES.stream().filter(e -> e.matches(n))
                .findFirst();
        return Claim.plan(ENTRIES, Function.identity(), firstMatch);
    }

    @Test
    void aShadowedExactEntryClaimsNothingButStaysExcludedLater() {
        List<Claim<NameSelector>> claims = plan();
        assertEquals(List.of(ENTRIES.get(0), ENTRIES.get(1), ENTRIES.get(3)), claims.stream().map(Claim::entry).toList());
        assertEquals(List.of(ENTRIES.get(0), ENTRIES.get(1), ENTRIES.get(2)), claims.get(2).excluded());
    }

    @Test
    void samplesAreNamesTheEntryItselfOwns() {
        List<Claim<NameSelector>> claims = plan();
        assertEquals(Optional.of("orders"), claims.get(0).sample());
        // The pattern's first alternative is claimed by the exact entry before it.
        assertEquals(Optional.empty(), claims.get(1).sample());
    }

    @Test
    void matchersSelectTheClusterAndExcludeEarlierEntries() {
        assertEquals(List.of("cluster=\"c\"", "topic=~\"orders|billing\"", "topic!~\"orders\""),
                plan().get(1).matchers("topic", "c"));
        assertEquals(List.of("cluster=\"c\"", "topic=\"orders\""), plan().get(0).matchers("topic", "c"));
    }
}
