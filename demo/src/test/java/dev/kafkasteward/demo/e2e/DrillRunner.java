package dev.kafkasteward.demo.e2e;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs a {@link Drill} against the environment and asserts what the operating plan promises: the
 * owner is paged, nobody else is, and the page resolves after the repair. The repair always runs,
 * even when detection fails, so one failed drill does not leave the cluster broken for the next.
 */
final class DrillRunner {

    /** Before a drill, everything must be quiet: no pending or firing alert anywhere. */
    static final Duration QUIET_TIMEOUT = Duration.ofSeconds(60);
    static final Duration DETECT_TIMEOUT = Duration.ofSeconds(60);
    static final Duration RESOLVE_TIMEOUT = Duration.ofSeconds(60);

    private final E2eEnvironment env;

    DrillRunner(E2eEnvironment env) {
        this.env = env;
    }

    DrillResult run(Drill drill) throws Exception {
        awaitQuiet(drill);
        WebhookReceiver receiver = env.receiver();
        Instant faultAt = Instant.now();
        Notification fired;
        Instant repairAt;
        boolean repaired = false;
        try {
            drill.fault().run();
            fired = receiver.await(faultAt, n -> n.alerts().stream().anyMatch(drill::firedBy), DETECT_TIMEOUT)
                    .orElseThrow(() -> failure(drill, faultAt, "no " + drill.alertname() + " " + drill.labels()
                            + " notification within " + DETECT_TIMEOUT.toSeconds() + " s of the fault"));
            if (!fired.team().equals(drill.owner()) && !drill.alsoNotified().contains(fired.team())) {
                throw failure(drill, faultAt, drill.alertname() + " paged team '" + fired.team() + "', expected '"
                        + drill.owner() + "'");
            }
            // Shared teams may hear first; detection is when the owner is paged.
            fired = receiver.await(faultAt, n -> n.team().equals(drill.owner())
                            && n.alerts().stream().anyMatch(drill::firedBy), DETECT_TIMEOUT)
                    .orElseThrow(() -> failure(drill, faultAt, "no " + drill.alertname() + " " + drill.labels()
                            + " notification to its owner " + drill.owner() + " within " + DETECT_TIMEOUT.toSeconds()
                            + " s of the fault"));
            repairAt = Instant.now();
            repaired = true;
            drill.recovery().run();
        } finally {
            if (!repaired) {
                drill.recovery().run();
            }
        }
        Instant repairedAt = repairAt;
        Notification resolved = receiver.await(repairAt, n -> n.team().equals(drill.owner()) && n.resolved()
                        && n.mentions(drill.alertname()), RESOLVE_TIMEOUT)
                .orElseThrow(() -> failure(drill, faultAt, "no resolved " + drill.alertname() + " notification to "
                        + drill.owner() + " within " + RESOLVE_TIMEOUT.toSeconds() + " s of the repair at "
                        + repairedAt));
        List<Notification> about = receiver.since(faultAt).stream()
                .filter(n -> n.alerts().stream().anyMatch(drill::firedBy)).toList();
        List<Notification> elsewhere = about.stream().filter(n -> !n.team().equals(drill.owner())
                && !drill.alsoNotified().contains(n.team())).toList();
        if (!elsewhere.isEmpty()) {
            throw failure(drill, faultAt, drill.alertname() + " also reached other teams: " + elsewhere);
        }
        for (String team : drill.alsoNotified()) {
            if (about.stream().noneMatch(n -> n.team().equals(team))) {
                throw failure(drill, faultAt, drill.alertname() + " did not reach " + team + ", which shares the"
                        + " responsibility");
            }
        }
        // Each team gets each alert once: alerts that differ only by the exporter replica would be duplicates.
        List<String> replicas = env.exporterTargets();
        List<Notification.Alert> perReplica = about.stream().flatMap(n -> n.alerts().stream())
                .filter(drill::firedBy).filter(a -> replicas.contains(a.labels().get("instance"))).toList();
        if (!perReplica.isEmpty()) {
            throw failure(drill, faultAt, drill.alertname() + " fired per exporter replica: " + perReplica);
        }
        for (Drill.Forbidden forbidden : drill.forbidden()) {
            List<Notification> hits = receiver.since(faultAt).stream().filter(forbidden.matches()).toList();
            if (!hits.isEmpty()) {
                throw failure(drill, faultAt, forbidden.description() + ": " + hits);
            }
        }
        // The whole conversation, so a reader of the build log sees what each team actually received.
        System.out.println("drill '" + drill.name() + "' notifications:\n  " + receiver.since(faultAt).stream()
                .map(Object::toString).collect(Collectors.joining("\n  ")));
        return new DrillResult(drill.name(), drill.alertname(), drill.owner(),
                Duration.between(faultAt, fired.receivedAt()), Duration.between(repairAt, resolved.receivedAt()));
    }

    /** Waits until Prometheus has no pending or firing alert, so what follows is the drill's doing. */
    private void awaitQuiet(Drill drill) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(QUIET_TIMEOUT);
        List<PrometheusApi.ActiveAlert> active = activeBesides(drill);
        while (!active.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            active = activeBesides(drill);
        }
        if (!active.isEmpty()) {
            throw new AssertionError("drill '" + drill.name() + "': alerts still active after "
                    + QUIET_TIMEOUT.toSeconds() + " s, before the fault: " + active + logs());
        }
    }

    private List<PrometheusApi.ActiveAlert> activeBesides(Drill drill) throws IOException, InterruptedException {
        return env.prometheus().alerts().stream().filter(a -> !drill.background().contains(a.name())).toList();
    }

    private AssertionError failure(Drill drill, Instant since, String what) {
        String alerts;
        try {
            alerts = env.prometheus().alerts().stream().map(Object::toString).collect(Collectors.joining("\n  "));
        } catch (IOException e) {
            alerts = "(cannot ask Prometheus: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            alerts = "(interrupted)";
        }
        String notifications = env.receiver().since(since).stream().map(Object::toString)
                .collect(Collectors.joining("\n  "));
        return new AssertionError("drill '" + drill.name() + "': " + what
                + "\nPrometheus alerts now:\n  " + alerts
                + "\nNotifications since the fault:\n  " + notifications + logs());
    }

    private String logs() {
        return "\nLogs: " + Optional.ofNullable(env.stack()).map(s -> s.prometheus().log() + ", "
                + s.alertmanager().log()).orElse("(stack not started)");
    }
}
