package dev.kafkasteward.signals.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.ownership.NameSelector;
import dev.kafkasteward.contract.ownership.PromDuration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Escaping, numbers, human durations and time scaling. */
class PromHelpersTest {

    @Test
    void quotesAndEscapesStrings() {
        assertEquals("\"a\\\\b\\\"c\"", PromQl.quote("a\\b\"c"));
        assertEquals("group=\"x\"", PromQl.eq("group", "x"));
        assertEquals("client_id=~\"app-\\\\d+\"", PromQl.matches("client_id", "app-\\d+"));
    }

    @Test
    void selectsNamesExactlyAndPatternsAsRegexesEscapedForStrings() {
        assertEquals("topic=~\"customer\\\\.timeline\\\\..*\"",
                PromQl.selects("topic", NameSelector.regex("customer\\.timeline\\..*")));
        assertEquals("group=\"say \\\"hi\\\"\"", PromQl.selects("group", NameSelector.exact("say \"hi\"")));
        assertEquals("group=\"a\\nb\\rc\"", PromQl.selects("group", NameSelector.exact("a\nb\rc")));
    }

    @Test
    void quotesEveryRe2MetacharacterSoALiteralMatchesOnlyItself() {
        assertEquals("a\\.b\\+c\\*\\?\\(\\)\\|\\[\\]\\{\\}\\^\\$\\\\d-e_f",
                PromQl.regexLiteral("a.b+c*?()|[]{}^$\\d-e_f"));
        String tricky = "x.y+(z)|[w]{2}^$\\";
        assertTrue(java.util.regex.Pattern.matches(PromQl.regexLiteral(tricky), tricky));
        assertFalse(java.util.regex.Pattern.matches(PromQl.regexLiteral("a.b"), "axb"));
        assertEquals("a", PromQl.anyOf(List.of("a")));
        assertEquals("(?:a|b)|(?:c)", PromQl.anyOf(List.of("a|b", "c")));
    }

    @Test
    void excludesNamesLiterallyAndPatternsAsGroups() {
        assertEquals("group!~\"a\\\\.b|(?:c|d.*)\"",
                PromQl.notMatchingAny("group", List.of(NameSelector.exact("a.b"), NameSelector.regex("c|d.*"))));
    }

    @Test
    void writesNumbersWithoutExponentOrTrailingZeros() {
        assertEquals("30", PromQl.number(30.0));
        assertEquals("0.5", PromQl.number(0.5));
        assertEquals("86400", PromQl.number(86400.0));
    }

    @Test
    void humanizesDurationsLikePrometheus() {
        assertEquals("0s", Humanize.duration(0));
        assertEquals("500ms", Humanize.duration(0.5));
        assertEquals("31s", Humanize.duration(31));
        assertEquals("2m 1s", Humanize.duration(121));
        assertEquals("1h 0m 1s", Humanize.duration(3601));
        assertEquals("1d 0h 0m 1s", Humanize.duration(86401));
    }

    @Test
    void scalesDurationsToWholeSecondsAtLeastOne() {
        PromDuration twoMinutes = PromDuration.parse("2m").orElseThrow();
        assertEquals("2m", Durations.scale(twoMinutes, 1.0).text());
        assertEquals("12s", Durations.scale(twoMinutes, 0.1).text());
        assertEquals("1s", Durations.scale(twoMinutes, 0.001).text());
        assertEquals("4m", Durations.scale(twoMinutes, 2).text());
        assertEquals("0s", Durations.scale(PromDuration.parse("0s").orElseThrow(), 0.1).text());
    }

    @Test
    void parsesDurationsWrittenInCodeOrSaysWhichTextIsWrong() {
        assertEquals(300, Durations.parse("5m").seconds());
        assertEquals("10m", Durations.window("10m", 1.0));
        assertEquals("not a Prometheus duration: 5 minutes",
                assertThrows(IllegalArgumentException.class, () -> Durations.parse("5 minutes")).getMessage());
    }
}
