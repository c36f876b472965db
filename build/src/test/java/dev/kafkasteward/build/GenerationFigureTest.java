package dev.kafkasteward.build;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.output.GeneratedFiles;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.testing.LargeOwnership;
import dev.kafkasteward.contract.ownership.OwnershipException;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.rules.RulesOptions;
import org.junit.jupiter.api.Test;

/**
 * The figure for acceptance 6: parsing and generating everything (rules, tests, routing, runbooks,
 * dashboards) for a 1,000-group ownership file (50 teams). Prints the best of three runs after a
 * warm-up — a figure, not a timed test: a loaded CI machine must not fail it. What it asserts is that
 * the large file generates at all and yields a rule pair per group.
 */
class GenerationFigureTest {

    @Test
    void thousandGroupsGenerateAndTheFigureIsPrinted() throws OwnershipException {
        String yaml = LargeOwnership.yaml(50, 1000);
        BuildCommand.build(new OwnershipLoader().parse("large.yml", yaml), RulesOptions.defaults()); // warm-up: class loading, JIT
        long best = Long.MAX_VALUE;
        GeneratedFiles files = null;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Ownership ownership = new OwnershipLoader().parse("large.yml", yaml);
            files = BuildCommand.build(ownership, RulesOptions.defaults());
            best = Math.min(best, System.nanoTime() - start);
        }
        long bytes = files.files().values().stream().mapToLong(String::length).sum();
        long rules = files.files().entrySet().stream().filter(e -> e.getKey().endsWith(".rules.yml"))
                .mapToLong(e -> e.getValue().lines().filter(l -> l.stripLeading().startsWith("- alert: ")).count()).sum();
        System.out.printf("GENERATION FIGURE: 1,000 groups, 50 teams: parse + generate %d ms (best of 3), %d alerting"
                + " rules, %d files, %.1f MB%n", best / 1_000_000, rules, files.files().size(), bytes / 1e6);
        assertTrue(rules >= 2_000, "a warning and a critical lag-age rule per group at least, got " + rules);
    }
}
