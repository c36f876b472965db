package dev.kafkasteward.contract.ownership;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects every problem of one file so the user sees them all at once, in file order. */
final class Diagnostics {

    private final String source;
    private final List<Diagnostic> found = new ArrayList<>();

    Diagnostics(String source) {
        this.source = source;
    }

    void error(Node at, String message) {
        error(at.getStartMark(), message);
    }

    void error(Mark mark, String message) {
        // snakeyaml marks are 0-based; editors and compilers count from 1.
        found.add(new Diagnostic(source, mark.getLine() + 1, mark.getColumn() + 1, message));
    }

    void error(int line, int column, String message) {
        found.add(new Diagnostic(source, line, column, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    List<Diagnostic> sorted() {
        return found.stream()
                .sorted(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column))
                .toList();
    }
}
