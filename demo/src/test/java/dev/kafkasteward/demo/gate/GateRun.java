package dev.kafkasteward.demo.gate;

import dev.kafkasteward.exporter.cli.StewardCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** One run of {@code kafka-steward gate} in this JVM, as a user runs it: its exit code, stdout and stderr. */
public record GateRun(int exit, String out, String err) {

    public static GateRun of(String... args) {
        return of(new StringWriter(), args);
    }

    /** With {@code err} to watch while the gate runs (it reports what it waits for there). */
    public static GateRun of(StringWriter err, String... args) {
        StringWriter out = new StringWriter();
        List<String> all = new ArrayList<>(List.of("gate"));
        all.addAll(List.of(args));
        int exit = new CommandLine(new StewardCommand()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(all.toArray(String[]::new));
        return new GateRun(exit, out.toString(), err.toString());
    }
}
