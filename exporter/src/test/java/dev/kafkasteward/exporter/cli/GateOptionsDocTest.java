package dev.kafkasteward.exporter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** docs/changing-the-cluster.md documents exactly {@code gate}'s options, in the command's order. */
class GateOptionsDocTest {

    @Test
    void theDocumentedOptionsAreTheGateCommands() throws Exception {
        // The page's only option table is the gate's: rows starting with | `--
        List<String> documented = Files.readString(Path.of("../docs/changing-the-cluster.md"), StandardCharsets.UTF_8)
                .lines().filter(l -> l.startsWith("| `--"))
                .map(l -> l.substring(3, l.indexOf('`', 3)).split(" ")[0]).toList();
        List<String> options = new CommandLine(new GateCommand()).getCommandSpec().options().stream()
                .filter(o -> !o.usageHelp() && !o.versionHelp()).map(OptionSpec::longestName).toList();
        assertEquals(options, documented);
    }
}
