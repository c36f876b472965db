package dev.kafkasteward.exporter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code serve --compat}: an unknown profile is a usage error that names the known ones. */
class CompatOptionTest {

    @Test
    void unknownProfileIsAUsageErrorNamingTheKnownOnes() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new StewardCommand());
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("serve", "--ownership", "../examples/ownership.yml",
                "--bootstrap-servers", "127.0.0.1:1", "--compat", "kafka_exporter,burrow");
        assertEquals(StewardCommand.EXIT_USAGE, code, err.toString());
        assertTrue(err.toString().contains(
                "unknown --compat profile 'burrow': expected one of kafka_exporter, kafka-lag-exporter"), err.toString());
    }
}
