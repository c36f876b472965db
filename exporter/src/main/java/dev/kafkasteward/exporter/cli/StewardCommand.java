package dev.kafkasteward.exporter.cli;

import dev.kafkasteward.exporter.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kafka-steward}: the exporter's command line. */
@Command(name = "kafka-steward", mixinStandardHelpOptions = true, versionProvider = StewardCommand.VersionProvider.class,
        description = "Kafka monitoring from one ownership.yml.",
        subcommands = {ServeCommand.class, GateCommand.class})
public final class StewardCommand implements Runnable {

    /** A user mistake (bad arguments, invalid ownership.yml): one clear message, no stack trace. Picocli uses it too. */
    public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new StewardCommand()).execute(args));
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"kafka-steward " + Version.get()};
        }
    }
}
