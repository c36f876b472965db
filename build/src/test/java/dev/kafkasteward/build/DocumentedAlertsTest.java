package dev.kafkasteward.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.ownership.OwnershipException;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.contract.testing.LargeOwnership;
import dev.kafkasteward.signals.AlertInstance;
import dev.kafkasteward.signals.SignalOptions;
import dev.kafkasteward.signals.Signals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue #16, build 4: the docs promise no alert the generator does not emit. Every word shaped like an alert
 * name ({@code Kafka} and a capital) in the READMEs, docs/ and the runbook templates must be an alert the
 * signals produce for some ownership file, or a prefix of some written with {@code *}; the few other such
 * words (Kafka's own classes and MBeans) are listed here by name.
 */
class DocumentedAlertsTest {

    private static final Pattern ALERT_SHAPED = Pattern.compile("\\bKafka[A-Z][A-Za-z0-9]*\\*?");
    /** Kafka's and our identifiers the docs name that are not alerts. */
    private static final Set<String> NOT_ALERTS = Set.of("KafkaController", "KafkaRequestHandlerPool",
            "KafkaClusterTestKit", "KafkaComponentsJmxConfigIT", "KafkaTlsIT", "KafkaCollector", "KafkaStorageException");
    private static final Path ROOT = Path.of("..");
    /** What the loader's diagnostic says before an alert name that does not exist. */
    private static final String MISSPELLED = "unknown alert '";

    @Test
    void everyAlertTheDocsNameIsGenerated() throws IOException, OwnershipException {
        SortedSet<String> generated = generatedAlerts();
        List<String> unknown = new ArrayList<>();
        int mentions = 0;
        for (Path doc : docs()) {
            String text = Files.readString(doc);
            Matcher m = ALERT_SHAPED.matcher(text);
            while (m.find()) {
                String word = m.group();
                if (NOT_ALERTS.contains(word) || text.startsWith(MISSPELLED, m.start() - MISSPELLED.length())) {
                    continue; // not an alert, or a diagnostic's example of a misspelled one
                }
                mentions++;
                boolean known = word.endsWith("*")
                        ? generated.stream().anyMatch(a -> a.startsWith(word.substring(0, word.length() - 1)))
                        : generated.contains(word);
                if (!known) {
                    unknown.add(ROOT.relativize(doc) + ": " + word);
                }
            }
        }
        assertTrue(mentions >= 20, "the docs name alerts: " + mentions);
        assertEquals(List.of(), unknown, "alerts the docs name but the generator does not emit (generated: "
                + generated + ")");
    }

    /** Every alert name the signals produce for the example, the routing fixture and a large file. */
    private static SortedSet<String> generatedAlerts() throws OwnershipException {
        Signals signals = new Signals(SignalOptions.defaults());
        SortedSet<String> names = new TreeSet<>();
        for (var ownership : List.of(new OwnershipLoader().load(ROOT.resolve("examples/ownership.yml")),
                new OwnershipLoader().load(ROOT.resolve("rules/src/test/resources/routing.yml")),
                LargeOwnership.generate(5, 20))) {
            signals.plan(ownership).instances().stream().map(AlertInstance::alert).forEach(names::add);
        }
        return names;
    }

    /** The hand-written docs: READMEs, docs/ (not the generated runbooks) and the runbook templates. */
    private static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>();
        try (Stream<Path> top = Files.list(ROOT)) {
            top.filter(Files::isDirectory).map(d -> d.resolve("README.md")).filter(Files::isRegularFile)
                    .forEach(docs::add);
        }
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> d = Files.list(ROOT.resolve("docs"))) {
            d.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
        }
        try (Stream<Path> t = Files.list(ROOT.resolve("rules/src/main/resources/runbook-templates"))) {
            t.forEach(docs::add);
        }
        return docs;
    }
}
