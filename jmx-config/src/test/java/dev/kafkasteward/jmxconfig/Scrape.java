package dev.kafkasteward.jmxconfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed Prometheus text or OpenMetrics scrape: just the samples, enough to check names and labels. */
record Scrape(String text, List<Sample> samples) {

    /** One sample line: metric name, labels in order of appearance, raw value. */
    record Sample(String name, Map<String, String> labels, String value) {
    }

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+).*");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    static Scrape parse(String text) {
        List<Sample> samples = text.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(Scrape::parseSample)
                .toList();
        return new Scrape(text, samples);
    }

    private static Sample parseSample(String line) {
        Matcher m = SAMPLE.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a sample line: " + line);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (m.group(2) != null) {
            Matcher l = LABEL.matcher(m.group(2));
            while (l.find()) {
                labels.put(l.group(1), l.group(2));
            }
        }
        return new Sample(m.group(1), labels, m.group(3));
    }

    /** Distinct sample names, sorted. */
    Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    /** The sum of the samples named {@code name} (NaN samples count as 0); 0 when there are none. */
    double sum(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).mapToDouble(s -> Double.parseDouble(s.value()))
                .filter(v -> !Double.isNaN(v)).sum();
    }

    /** Distinct sample names starting with {@code prefix}, sorted. */
    Set<String> namesStartingWith(String prefix) {
        Set<String> names = new TreeSet<>();
        samples.stream().map(Sample::name).filter(n -> n.startsWith(prefix)).forEach(names::add);
        return names;
    }
}
