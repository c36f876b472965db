package dev.kafkasteward.jmxconfig;

import dev.kafkasteward.contract.testing.ChildJvm;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Talks to an attached agent over HTTP: waits for it, scrapes it, and reads what it said on stderr. */
final class AgentProbe {

    static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** Waits until the agent answers 200, failing early (with the child's output) if the child exits. */
    void awaitReady(ChildJvm jvm, AttachedAgent agent, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (!jvm.isAlive()) {
                throw new AssertionError(jvm.name() + " exited before its agent answered\n" + jvm.diagnostics());
            }
            try {
                if (get(agent, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the agent's HTTP server is not up yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("agent of " + jvm.name() + " did not answer on " + agent.metrics() + " within "
                + bound + "\n" + jvm.diagnostics());
    }

    /** One scrape in the given format ({@code null}: the Prometheus text format). */
    Scrape scrape(ChildJvm jvm, AttachedAgent agent, String accept) throws IOException, InterruptedException {
        HttpResponse<String> response = get(agent, accept);
        if (response.statusCode() != 200) {
            throw new AssertionError("scrape of " + jvm.name() + " answered " + response.statusCode() + "\n"
                    + response.body() + "\n" + jvm.diagnostics());
        }
        return Scrape.parse(response.body());
    }

    /** Scrapes until every expected name is present or the bound passes; returns the last scrape. */
    Scrape scrapeUntilPresent(ChildJvm jvm, AttachedAgent agent, String accept, Set<String> expected, Duration bound)
            throws IOException, InterruptedException {
        return scrapeUntil(jvm, agent, accept, scrape -> scrape.names().containsAll(expected), bound);
    }

    /** Scrapes until {@code done} holds or the bound passes; returns the last scrape (the caller asserts). */
    Scrape scrapeUntil(ChildJvm jvm, AttachedAgent agent, String accept, Predicate<Scrape> done, Duration bound)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            Scrape scrape = scrape(jvm, agent, accept);
            if (done.test(scrape) || System.nanoTime() > deadline) {
                return scrape;
            }
            Thread.sleep(500);
        }
    }

    private HttpResponse<String> get(AttachedAgent agent, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(agent.metrics()).timeout(Duration.ofSeconds(10)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * What the agent said on the child's stderr. The agent logs through java.util.logging: a header line
     * naming the logging class ({@code io.prometheus.jmx...}), then {@code WARNING: ...}. Other libraries
     * log the same way (Jersey in Connect) or through slf4j (Kafka); those are not the agent's and are
     * not ours to judge, so only lines that name the agent, and the JUL message after an agent header, count.
     */
    static List<String> complaints(ChildJvm jvm) throws IOException {
        List<String> lines = Files.readAllLines(jvm.stderrFile(), StandardCharsets.UTF_8);
        List<String> complaints = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean agentLine = line.contains("io.prometheus.jmx") || line.contains("Prometheus JMX Exporter")
                    || line.contains("jmx_prometheus");
            boolean afterAgentHeader = i > 0 && lines.get(i - 1).contains("io.prometheus.jmx");
            if (agentLine || afterAgentHeader) {
                complaints.add(line);
            }
        }
        return complaints;
    }
}
