package dev.kafkasteward.rules;

import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipException;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import java.nio.file.Path;

/** Ownership inputs for tests: the project's example, and small inline files. */
final class Fixtures {

    static final Path EXAMPLE = Path.of("..", "examples", "ownership.yml");

    private Fixtures() {
    }

    static Ownership example() {
        try {
            return new OwnershipLoader().load(EXAMPLE);
        } catch (OwnershipException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Overlapping exact and pattern entries, every receiver type, three tiers including info. */
    static Ownership patterns() {
        try {
            return new OwnershipLoader().load(Path.of("src", "test", "resources", "patterns.yml"));
        } catch (OwnershipException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** 12 teams, shared responsibility by area and entry, JVM owners, and what no entry claims. */
    static Ownership routing() {
        try {
            return new OwnershipLoader().load(Path.of("src", "test", "resources", "routing.yml"));
        } catch (OwnershipException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static Ownership parse(String yaml) {
        try {
            return new OwnershipLoader().parse("inline.yml", yaml);
        } catch (OwnershipException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
