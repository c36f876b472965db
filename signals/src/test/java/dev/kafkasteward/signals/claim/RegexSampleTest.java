package dev.kafkasteward.signals.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.re2j.Pattern;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegexSampleTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "orders-.* => orders-x",
        "ledger\\..+ => ledger.x",
        "risk-(scoring|rules)-[0-9]+ => risk-scoring-0",
        "(?:a|b)c? => ac",
        "svc-\\d{3} => svc-000",
        "[^-]+-app => x-app",
        "^exact$ => exact",
        "x|y => x",
    })
    void findsAStringThePatternMatches(String regex, String sample) {
        assertEquals(Optional.of(sample), RegexSample.of(Pattern.compile(regex)));
    }

    /**
     * The sampler's guess is wrong here (a{0} taken as one "a", a negated class sampled with the very "x" it
     * excludes): the guess is checked against the pattern, and no sample beats a wrong one.
     */
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {"a{0}b => ab", "a[^x]b => axb"})
    void aGuessThePatternRejectsIsNotReturned(String regex, String guess) {
        Pattern pattern = Pattern.compile(regex);
        assertFalse(pattern.matcher(guess).matches(), "the case needs a guess the pattern rejects");
        assertEquals(Optional.empty(), RegexSample.of(pattern));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(?i)AB", "(?P<name>a)"})
    void unsupportedSyntaxGivesNoSampleRatherThanAnError(String regex) {
        assertEquals(Optional.empty(), RegexSample.of(Pattern.compile(regex)));
    }
}
