package dev.kafkasteward.contract.ownership;

/**
 * One problem found in an ownership file, at a 1-based line and column.
 * Its {@link #toString()} is the compiler-style line users read: {@code file:line:column: message}.
 */
public record Diagnostic(String source, int line, int column, String message) {

    @Override
    public String toString() {
        return source + ":" + line + ":" + column + ": " + message;
    }
}
