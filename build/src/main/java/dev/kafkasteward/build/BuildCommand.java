package dev.kafkasteward.build;

import dev.kafkasteward.build.operator.OperatorOptions;
import dev.kafkasteward.build.operator.OperatorOutput;
import dev.kafkasteward.contract.output.GeneratedFiles;
import dev.kafkasteward.contract.output.OutputFolder;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipException;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.grafana.DashboardGenerator;
import dev.kafkasteward.grafana.DashboardOptions;
import dev.kafkasteward.grafana.provisioning.ProvisioningSettings;
import dev.kafkasteward.rules.RulesGenerator;
import dev.kafkasteward.rules.RulesOptions;
import dev.kafkasteward.signals.SignalPlan;
import dev.kafkasteward.signals.Signals;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The build step: {@code generate --ownership FILE --out DIR} writes everything Kafka Steward derives
 * from an ownership file: rules, their tests, Alertmanager routing, runbooks and Grafana dashboards.
 * The signals are planned once; each output is one {@link Generator} rendering that plan: the rules
 * (with routing, tests and runbooks) and the dashboards. Neither generator knows the other.
 */
@Command(name = "kafka-steward-build", mixinStandardHelpOptions = true, subcommands = BuildCommand.Generate.class,
        description = "Generates alerting rules, promtool tests, Alertmanager routing, runbooks and Grafana dashboards"
                + " from ownership.yml.")
public final class BuildCommand {

    /** Exit code for a user mistake: an invalid ownership file or an option the target cannot honour. */
    public static final int USAGE_ERROR = 2;

    /** One output of the build step, from the loaded ownership, its planned signals and the options. */
    public interface Generator {
        GeneratedFiles generate(Ownership ownership, SignalPlan plan, RulesOptions options);
    }

    /** Everything the build writes, composed in order; a path written twice is a programming error. */
    static List<Generator> generators() {
        return List.of(
                (ownership, plan, options) -> new RulesGenerator(options).generate(ownership, plan),
                (ownership, plan, options) -> new DashboardGenerator(new DashboardOptions(options.links(),
                        ProvisioningSettings.defaults())).generate(ownership, plan));
    }

    private BuildCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line; the exit code is returned, not taken, so tests and Maven can call it. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new BuildCommand());
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** {@code generate}: load, validate, generate in memory, then replace the previous output as a whole. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Generate everything for one ownership file into a folder.")
    static final class Generate implements Callable<Integer> {

        @Option(names = "--ownership", required = true, paramLabel = "FILE", description = "The ownership.yml.")
        Path ownership;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
        Path out;

        @Option(names = "--time-scale", paramLabel = "X", defaultValue = "1.0",
                description = "Multiplies every 'for', range window and Alertmanager timer (fast end-to-end tests)."
                        + " Default: ${DEFAULT-VALUE}.")
        double timeScale;

        @Option(names = "--runbook-base-url", paramLabel = "URL", defaultValue = RulesOptions.DEFAULT_RUNBOOK_BASE_URL,
                description = "Base of runbook_url. Default: ${DEFAULT-VALUE}.")
        String runbookBaseUrl;

        @Option(names = "--dashboard-base-url", paramLabel = "URL",
                defaultValue = RulesOptions.DEFAULT_DASHBOARD_BASE_URL, description = "Grafana base URL.")
        String dashboardBaseUrl;

        @Option(names = "--exporter-job", paramLabel = "JOB", defaultValue = RulesOptions.DEFAULT_EXPORTER_JOB,
                description = "Prometheus job of this cluster's exporter. Default: ${DEFAULT-VALUE}.")
        String exporterJob;

        @Option(names = "--file-mode", paramLabel = "OCTAL", defaultValue = "0644",
                description = "Permissions of the written files (Prometheus, Alertmanager and Grafana must read"
                        + " them). Default: ${DEFAULT-VALUE}.")
        String fileMode;

        @Option(names = "--format", paramLabel = "plain|operator", defaultValue = "plain",
                description = "plain: the files only; operator: also operator/ with the Prometheus Operator and"
                        + " Kubernetes objects (PrometheusRule, Alertmanager config Secret, ServiceMonitor, dashboard"
                        + " ConfigMaps, the exporter's Deployment). Default: ${DEFAULT-VALUE}.")
        String format;

        @Option(names = "--namespace", paramLabel = "NAME", defaultValue = OperatorOptions.DEFAULT_NAMESPACE,
                description = "Namespace of the operator objects. Default: ${DEFAULT-VALUE}.")
        String namespace;

        @Option(names = "--operator-label", paramLabel = "KEY=VALUE",
                description = "Label on the PrometheusRule and ServiceMonitor objects, for the Prometheus resource's"
                        + " selectors; repeatable. Default: " + OperatorOptions.DEFAULT_SELECTOR_LABEL + ".")
        List<String> operatorLabels;

        @Option(names = "--dashboard-label", paramLabel = "KEY=VALUE", defaultValue = OperatorOptions.DEFAULT_DASHBOARD_LABEL,
                description = "Label Grafana's dashboard sidecar looks for on ConfigMaps. Default: ${DEFAULT-VALUE}.")
        String dashboardLabel;

        @Option(names = "--exporter-image", paramLabel = "IMAGE", defaultValue = OperatorOptions.DEFAULT_IMAGE,
                description = "The exporter's container image in its Deployment. Default: ${DEFAULT-VALUE}.")
        String exporterImage;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", defaultValue = OperatorOptions.DEFAULT_BOOTSTRAP,
                description = "bootstrap.servers in the exporter's Kafka client ConfigMap. Default: ${DEFAULT-VALUE}.")
        String bootstrapServers;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> mode = FileMode.parse(fileMode)
                    .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "invalid --file-mode '"
                            + fileMode + "': expected three or four octal digits such as 0644 or 0640"));
            PrintWriter err = spec.commandLine().getErr();
            Ownership loaded;
            try {
                loaded = new OwnershipLoader().load(ownership);
            } catch (OwnershipException e) {
                err.println(e.getMessage());
                return USAGE_ERROR;
            }
            if (!format.equals("plain") && !format.equals("operator")) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "unknown --format '" + format + "': expected plain or operator");
            }
            Optional<OperatorOptions> operator;
            try {
                operator = format.equals("operator") ? Optional.of(new OperatorOptions(namespace,
                        OperatorOptions.pairs(operatorLabels == null ? List.of(OperatorOptions.DEFAULT_SELECTOR_LABEL)
                                : operatorLabels, "--operator-label"),
                        OperatorOptions.pair(dashboardLabel, "--dashboard-label"), exporterImage, exporterJob,
                        bootstrapServers))
                        : Optional.empty();
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return USAGE_ERROR;
            }
            GeneratedFiles files;
            try {
                RulesOptions options = RulesOptions.defaults().withTimeScale(timeScale).withRunbookBaseUrl(runbookBaseUrl)
                        .withDashboardBaseUrl(dashboardBaseUrl).withExporterJob(exporterJob);
                files = build(loaded, options);
                if (operator.isPresent()) {
                    files = files.plus(OperatorOutput.of(files, Files.readString(ownership), operator.get()));
                }
            } catch (IllegalArgumentException e) {
                err.println(ownership + ": " + e.getMessage());
                return USAGE_ERROR;
            } catch (IOException e) {
                err.println(ownership + ": cannot read: " + e.getMessage());
                return USAGE_ERROR;
            }
            new OutputFolder(out, mode).replaceWith(files);
            spec.commandLine().getOut().println("wrote " + files.files().size() + " files to " + out);
            return 0;
        }
    }

    /** Everything {@link #generators()} write for {@code ownership}, in memory. */
    public static GeneratedFiles build(Ownership ownership, RulesOptions options) {
        SignalPlan plan = new Signals(options.signals()).plan(ownership);
        GeneratedFiles files = GeneratedFiles.of(java.util.Map.of());
        for (Generator generator : generators()) {
            files = files.plus(generator.generate(ownership, plan, options));
        }
        return files;
    }
}
