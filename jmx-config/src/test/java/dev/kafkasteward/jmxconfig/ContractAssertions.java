package dev.kafkasteward.jmxconfig;

import dev.kafkasteward.contract.testing.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.catalog.MetricCatalog;
import dev.kafkasteward.contract.catalog.MetricDef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks every contract test makes on the scrapes of one config: the catalog's names for it are all
 * there, every rule of the config produced a series somewhere, labels stay bounded, the agent scraped
 * without errors and said nothing on stderr.
 */
final class ContractAssertions {

    private ContractAssertions() {
    }

    /** One process's last scrape, with the config its agent ran and the process itself (for its stderr). */
    record Scraped(String process, JmxConfigs config, ChildJvm jvm, Scrape scrape) {
    }

    /** The sample names a catalog entry shows up as: summaries and histograms only as their series. */
    static List<String> sampleNames(MetricDef metric) {
        return switch (metric.type()) {
            case SUMMARY -> List.of(metric.name() + "_count", metric.name() + "_sum");
            case HISTOGRAM -> List.of(metric.name() + "_count", metric.name() + "_sum", metric.name() + "_bucket");
            default -> List.of(metric.name());
        };
    }

    /** Catalog entries sourced from {@code config}, by their sample names. */
    static Set<String> catalogSampleNames(JmxConfigs config) {
        Set<String> names = new TreeSet<>();
        MetricCatalog.bySource(config.source()).forEach(m -> names.addAll(sampleNames(m)));
        return names;
    }

    /** The agent's built-in JVM metrics the catalog relies on: every agent, whatever its config, serves them. */
    static Set<String> jvmCatalogSampleNames() {
        Set<String> names = new TreeSet<>();
        MetricCatalog.all().stream().filter(m -> m.name().startsWith("jvm_") || m.name().startsWith("process_"))
                .filter(m -> m.source().equals(JmxConfigs.BROKER.source()))
                .forEach(m -> names.addAll(sampleNames(m)));
        return names;
    }

    static void saveScrapes(Path dir, Collection<Scraped> scrapes) throws IOException {
        Files.createDirectories(dir);
        for (Scraped s : scrapes) {
            Files.writeString(dir.resolve(s.process() + "-scrape.txt"), s.scrape().text(), StandardCharsets.UTF_8);
        }
    }

    /** Acceptance 1: every catalog metric of {@code config} is in the union of the scrapes. */
    static void assertCatalogPresent(JmxConfigs config, Collection<Scraped> scrapes) {
        Set<String> present = union(scrapes);
        List<String> missing = catalogSampleNames(config).stream().filter(n -> !present.contains(n)).toList();
        assertTrue(missing.isEmpty(), "catalog metrics from " + config.fileName() + " missing from the real scrapes "
                + "of " + processes(scrapes) + ": " + missing + "\nkafka_* names present: " + kafkaNames(present));
    }

    /**
     * Every rule of {@code config} produced a series on at least one of the scrapes (so the README's table
     * is true), except the rules named in {@code provenElsewhere}.
     */
    static void assertEveryRuleMatched(JmxConfigs config, Collection<Scraped> scrapes, Set<String> provenElsewhere) {
        Set<String> present = union(scrapes);
        List<String> unmatched = ConfigRules.exposedNames(config).stream()
                .filter(n -> !present.contains(n) && !provenElsewhere.contains(n)).toList();
        assertTrue(unmatched.isEmpty(), config.fileName() + " rules that matched nothing on " + processes(scrapes)
                + ": " + unmatched + "\nkafka_* names present: " + kafkaNames(present));
    }

    /** Each scrape: the JVM metrics, no scrape error, no config reload failure, no agent complaint. */
    static void assertHealthyAgents(Collection<Scraped> scrapes) throws IOException {
        for (Scraped s : scrapes) {
            Set<String> names = s.scrape().names();
            List<String> missingJvm = jvmCatalogSampleNames().stream().filter(n -> !names.contains(n)).toList();
            assertTrue(missingJvm.isEmpty(), s.process() + ": JVM catalog metrics missing: " + missingJvm);
            assertSample(s, "jmx_scrape_error", 0.0);
            assertSample(s, "jmx_config_reload_failure_total", 0.0);
            List<String> complaints = AgentProbe.complaints(s.jvm());
            assertTrue(complaints.isEmpty(), "the agent of " + s.process() + " (" + s.config().fileName()
                    + ") complained on stderr:\n" + String.join("\n", complaints));
        }
    }

    /** No {@code kafka_*} series carries a label outside {@code allowed}: cardinality stays bounded. */
    static void assertLabelsWithin(Collection<Scraped> scrapes, Set<String> allowed) {
        Set<String> offending = new TreeSet<>();
        for (Scraped s : scrapes) {
            s.scrape().samples().stream().filter(x -> x.name().startsWith("kafka_"))
                    .filter(x -> !allowed.containsAll(x.labels().keySet()))
                    .forEach(x -> offending.add(s.process() + ": " + x.name() + x.labels().keySet()));
        }
        assertTrue(offending.isEmpty(), "series with labels outside " + allowed + ": " + offending);
    }

    private static void assertSample(Scraped s, String name, double value) {
        List<Double> values = s.scrape().samples().stream().filter(x -> x.name().equals(name))
                .map(x -> Double.parseDouble(x.value())).toList();
        assertEquals(List.of(value), values, s.process() + ": " + name);
    }

    static Set<String> union(Collection<Scraped> scrapes) {
        Set<String> names = new TreeSet<>();
        scrapes.forEach(s -> names.addAll(s.scrape().names()));
        return names;
    }

    private static Set<String> kafkaNames(Set<String> names) {
        Set<String> result = new TreeSet<>();
        names.stream().filter(n -> n.startsWith("kafka_")).forEach(result::add);
        return result;
    }

    private static List<String> processes(Collection<Scraped> scrapes) {
        List<String> result = new ArrayList<>();
        scrapes.forEach(s -> result.add(s.process() + "(" + s.config().fileName() + ")"));
        return result;
    }
}
