package dev.kafkasteward.contract.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go's repeatIsValid on the patterns Prometheus accepts and refuses (checked against promtool's Go regexp). */
class NestedRepeatsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a{1000}", "(a{10}){100}", "(?:a{2}){500}", "(a|b{1000})", "[{]{2}", "\\{100\\}{2}",
        "(a{1000}){0}", "(a*){1000}", "x{2}y{1000}", "a{01001}", "(a{02}){600}", "(?i)a{1000}", "\\Q(a{100}){100}\\E", "[(a{100}){100}]", "orders\\..*\\.dlq"})
    void acceptedAsGoAcceptsThem(String regex) {
        assertEquals(Optional.empty(), NestedRepeats.check(regex));
        assertEquals(Optional.empty(), UserRegex.problem(regex), regex);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
        "(a{100}){100} {100} 8",
        "(?:a{2}){501} {501} 8",
        "((a{1000}){1000}){1000} {1000} 10",
        "(a{2,}){600} {600} 7",
        "x(y(a{11}){10}){10} {10} 15",
        "x{600}(?i){2} {2} 10",
        "(a{2}\\Q\\E{600}) {600} 9"})
    void refusedWhereGoRefusesThem(String regex, String operator, int index) {
        assertEquals(Optional.of(new NestedRepeats.Violation(operator, index)), NestedRepeats.check(regex));
        String problem = UserRegex.problem(regex).orElseThrow();
        assertTrue(problem.startsWith("invalid repeat count (over 1000 copies when nested) '" + operator
                + "' at character " + (index + 1) + ";"), problem);
    }
}
