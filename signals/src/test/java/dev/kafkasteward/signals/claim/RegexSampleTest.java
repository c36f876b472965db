package dev.kafkasteward.signals.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.re2j.Pattern;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    })
    void findsAStringThePatternMatches(String regex, String sample) {
        assertEquals(Optional.of(sample), RegexSample.of(Pattern.compile(regex)));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {"(?i)AB", "a{0}b", "a[^x]b", "x|y"})
    void neverReturnsASampleThePatternRejects(String regex) {
        Optional<String> sample = RegexSample.of(Pattern.compile(regex));
        sample.ifPresent(s -> assertEquals(true, Pattern.compile(regex).matcher(s).matches(), s));
    }
}
