package dev.kafkasteward.exporter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.exporter.StewardExporter;
import dev.kafkasteward.exporter.collect.CollectorSettings;
import dev.kafkasteward.exporter.lag.LagSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code serve}'s options: each in README's table with its default, and each default the exporter's own. */
class ServeOptionsDocTest {

    @Test
    void everyServeOptionIsInTheReadmeTableWithItsDefault() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("../README.md")).stream()
                .filter(l -> l.startsWith("| `--")).toList();
        List<String> problems = new ArrayList<>();
        for (OptionSpec option : new CommandLine(new ServeCommand()).getCommandSpec().options()) {
            String name = option.longestName();
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            Optional<String[]> row = rows.stream().map(r -> r.split("(?<!\\\\)\\|")) // cells; an escaped \| is a pipe inside one
                    .filter(cells -> cells[1].contains("`" + name + " ") || cells[1].contains("`" + name + "`"))
                    .findFirst();
            if (row.isEmpty()) {
                problems.add(name + ": no row in README's option table");
            } else if (option.defaultValue() != null && !row.get()[2].contains("`" + option.defaultValue() + "`")) {
                problems.add(name + ": README's default column does not say `" + option.defaultValue() + "`: "
                        + String.join("|", row.get()));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void serveDefaultsAreTheExportersDefaults() throws Exception {
        // picocli wants its defaults as text: they are checked against the code's, which the library uses.
        StewardExporter.Config defaults = StewardExporter.Config.of(
                new OwnershipLoader().load(Path.of("../examples/ownership.yml")), new Properties());
        Map<String, Duration> expected = Map.of(
                "--interval", defaults.interval(),
                "--request-timeout", CollectorSettings.DEFAULTS.requestTimeout(),
                "--placement-refresh", CollectorSettings.DEFAULT_PLACEMENT_REFRESH,
                "--stall-after", LagSettings.DEFAULTS.stallAfter(),
                "--reload-interval", defaults.reloadEvery());
        CommandSpec spec = new CommandLine(new ServeCommand()).getCommandSpec();
        expected.forEach((name, value) -> assertEquals(value,
                PromDuration.parse(spec.findOption(name).defaultValue()).orElseThrow().value(), name));
    }
}
