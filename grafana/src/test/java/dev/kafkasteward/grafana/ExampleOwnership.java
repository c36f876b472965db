package dev.kafkasteward.grafana;

import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipException;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import java.nio.file.Path;

/** The order platform of {@code examples/ownership.yml}, and small inline variations of it. */
final class ExampleOwnership {

    static final Path FILE = Path.of("..", "examples", "ownership.yml");

    private ExampleOwnership() {
    }

    static Ownership load() {
        try {
            return new OwnershipLoader().load(FILE);
        } catch (OwnershipException e) {
            throw new AssertionError("example does not load: " + e.getMessage(), e);
        }
    }

    static Ownership parse(String yaml) {
        try {
            return new OwnershipLoader().parse("inline.yml", yaml);
        } catch (OwnershipException e) {
            throw new AssertionError("inline ownership does not load: " + e.getMessage(), e);
        }
    }
}
