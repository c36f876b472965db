package dev.kafkasteward.contract.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Durations, percentages, name selectors and suggestions: the small value types of the model. */
class ValueSyntaxTest {

    @Test
    void durationsCombineUnitsLargestFirst() {
        assertEquals(Duration.ofMinutes(90), PromDuration.parse("1h30m").orElseThrow().value());
        assertEquals("1h30m", PromDuration.parse("1h30m").orElseThrow().text());
        assertEquals(Duration.ofMillis(500), PromDuration.parse("500ms").orElseThrow().value());
        assertEquals(Duration.ofMillis(61_500), PromDuration.parse("1m1s500ms").orElseThrow().value());
        assertEquals(Duration.ofDays(7 + 365), PromDuration.parse("1y1w").orElseThrow().value());
        assertEquals(Duration.ofDays(30), PromDuration.parse("30d").orElseThrow().value());
    }

    @Test
    void zeroParsesButTheLoaderRejectsIt() {
        assertEquals(Duration.ZERO, PromDuration.parse("0s").orElseThrow().value());
        Loading.assertDiagnostic(Loading.line(2), 13, "'window' in a funnel must be longer than zero",
                Loading.only(Loading.BASE + """
                        funnels:
                          - window: 0s
                            name: f
                            owner: checkout
                            tier: tier-1
                            stages: [{name: a, topic: a}, {name: b, topic: b}]
                        """));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"5x", "5", "m", "1m1h", "1h 30m", "-5m", "1.5h", "5M", "1s1s", "9999999999999999999999s",
            "300000000y", "1111111111111111111111111111111111111111111111111111111111111111111h"})
    void invalidDurations(String text) {
        assertEquals(Optional.empty(), PromDuration.parse(text));
    }

    @Test
    void ofSecondsWritesCanonicalText() {
        assertEquals("1m30s", PromDuration.ofSeconds(90).text());
        assertEquals("1d1h", PromDuration.ofSeconds(90_000).text());
        assertEquals("0s", PromDuration.ofSeconds(0).text());
        assertThrows(IllegalArgumentException.class, () -> new PromDuration(Duration.ofSeconds(-1), "-1s"));
    }

    @Test
    void percents() {
        assertEquals(0.995, Percent.parse("99.5%").orElseThrow().ratio(), 1e-12);
        assertEquals(1.0, Percent.parse("100%").orElseThrow().ratio(), 1e-12);
        assertEquals(0.0, Percent.parse("0%").orElseThrow().ratio(), 1e-12);
        assertEquals("99.95%", Percent.parse("99.95%").orElseThrow().toString());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"100.1%", "101%", "1000%", "50", "-5%", "1e2%", ".5%", "5.%", "99.1234567%", "50 %", "%"})
    void invalidPercents(String text) {
        assertEquals(Optional.empty(), Percent.parse(text));
    }

    @Test
    void exactSelectorMatchesOnlyThatName() {
        NameSelector s = NameSelector.exact("orders.v1");
        assertTrue(s.matches("orders.v1"));
        assertFalse(s.matches("ordersXv1"));
        assertEquals("orders.v1", s.toString());
    }

    @Test
    void patternSelectorMatchesTheWholeName() {
        NameSelector s = NameSelector.regex("orders-.*");
        assertTrue(s.matches("orders-eu"));
        assertFalse(s.matches("legacy-orders-eu"));
        assertEquals("/orders-.*/", s.toString());
    }

    @Test
    void selectorEqualityIsByKindAndText() {
        assertEquals(NameSelector.regex("a.*"), NameSelector.regex("a.*"));
        assertEquals(NameSelector.regex("a.*").hashCode(), NameSelector.regex("a.*").hashCode());
        assertNotEquals(NameSelector.regex("a"), NameSelector.exact("a"));
        assertThrows(IllegalArgumentException.class, () -> new NameSelector(null, null));
    }

    @Test
    void editDistance() {
        assertEquals(0, Suggestions.distance("owner", "owner"));
        assertEquals(1, Suggestions.distance("ownr", "owner"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(3, Suggestions.distance("", "abc"));
        assertEquals(3, Suggestions.distance("abc", ""));
        assertEquals(2, Suggestions.distance("ab", "ba"));
    }

    @Test
    void suggestionsPickTheClosestCloseEnoughCandidate() {
        assertEquals(Optional.of("owner"), Suggestions.closest("ownr", List.of("name", "owner", "tier")));
        assertEquals(Optional.empty(), Suggestions.closest("zzzzzz", List.of("name", "owner", "tier")));
        // Ties go to the alphabetically first candidate, so messages are stable.
        assertEquals(Optional.of("tier-1"), Suggestions.closest("tier-0", List.of("tier-2", "tier-1")));
        assertEquals(" (did you mean 'slack'?)", Suggestions.didYouMean("slak", List.of("slack", "email")));
        assertEquals("", Suggestions.didYouMean("sms", List.of("pagerduty", "webhook")));
    }
}
