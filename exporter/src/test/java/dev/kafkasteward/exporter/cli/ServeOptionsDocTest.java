package dev.kafkasteward.exporter.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** README's table of {@code serve} options names every option the command has, with its default. */
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
}
