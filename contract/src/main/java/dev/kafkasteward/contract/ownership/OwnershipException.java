package dev.kafkasteward.contract.ownership;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found while loading one ownership file, reported together. */
public final class OwnershipException extends Exception {

    private final transient List<Diagnostic> diagnostics;

    public OwnershipException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("an OwnershipException needs at least one diagnostic");
        }
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
