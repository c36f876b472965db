package dev.kafkasteward.contract.ownership;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: whatever the input, the loader returns a valid {@link Ownership} or throws an
 * {@link OwnershipException} whose every diagnostic names the source and a position inside the
 * input (line and column from 1) — never any other exception, error or hang.
 *
 * <p>Inputs are mutations of valid files by {@link YamlMutator}, seeded, so a failure names the seed
 * and the index that reproduce it. {@code -Dfuzz.count=N} and {@code -Dfuzz.seed=S} change the run,
 * {@code -Dfuzz.only=N} replays one input, {@code -Dfuzz.profile=true} prints time by input size;
 * every twentieth input goes through {@code load(Path)} as raw bytes, which may not be UTF-8.
 */
class OwnershipLoaderFuzzTest {

    private static final int COUNT = Integer.getInteger("fuzz.count", 100_000);
    private static final long SEED = Long.getLong("fuzz.seed", 20240610L);
    /** {@code -Dfuzz.only=N} replays input N alone, to reproduce a failure. */
    private static final int ONLY = Integer.getInteger("fuzz.only", -1);
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final boolean PROFILE = Boolean.getBoolean("fuzz.profile");
    private static final long SLOW_NANOS = 5_000_000_000L;

    /** One of everything, briefly: anchors and aliases included, so mutations can break them. */
    private static final String COMPACT = Loading.BASE + """
            default_tier: tier-1
            topics:
              - name: orders.v1
                owner: checkout
              - pattern: 'pay\\..*'
                owner: payments
                tier: tier-1
            consumer_groups:
              - name: billing
                owner: &team payments
                freshness: {lag_age_under: 60s, objective: 99.5%, window: 30d}
            dead_letter_topics:
              - {name: orders.dlq, owner: *team, source_topic: orders.v1, reason_header: x-reason}
            connectors:
              - name: sink
                owner: checkout
            client_apps:
              - name: app
                owner: checkout
                match: {client_id: "app-.*"}
            funnels:
              - name: flow
                owner: payments
                correlation: {json_field: id}
                window: 1h
                stages:
                  - {name: a, topic: orders.v1, max_wait: 2m}
                  - name: b
                    topic: orders.dlq
                    match: {header: t, equals: x}
            """;

    @TempDir
    Path dir;

    @Test
    void everyInputEndsInAModelOrInDiagnosticsWithPositions() throws IOException {
        // Small seeds keep the run fast; the full example reaches every section and its cross-references.
        List<String> seeds = List.of(Loading.BASE, Loading.BASE, COMPACT, COMPACT,
                Files.readString(Path.of("..", "examples", "ownership.yml")));
        for (String seed : seeds) {
            Loading.load(seed); // mutations start from valid files
        }
        Path file = dir.resolve("fuzz.yml");
        OwnershipLoader loader = new OwnershipLoader();
        List<String> failures = new ArrayList<>();
        int valid = 0;
        int malformed = 0;
        int invalid = 0;
        int viaPath = 0;
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        long[][] profile = new long[40][2];
        for (int i = Math.max(0, ONLY); i < (ONLY >= 0 ? ONLY + 1 : COUNT); i++) {
            SplittableRandom random = new SplittableRandom(SEED * 31 + i);
            YamlMutator mutator = new YamlMutator(random);
            String seed = seeds.get(random.nextInt(seeds.size()));
            boolean bytes = i % 20 == 0;
            String text = null;
            String source = "fuzz-" + i + ".yml";
            long t0 = System.nanoTime();
            int failed = failures.size();
            try {
                if (bytes) {
                    byte[] content = mutator.mutateBytes(seed);
                    Files.write(file, content);
                    source = file.toString();
                    text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                    viaPath++;
                    loader.load(file);
                } else {
                    text = mutator.mutate(seed);
                    loader.parse(source, text);
                }
                valid++;
            } catch (OwnershipException e) {
                String problem = checkDiagnostics(e.diagnostics(), source, text);
                if (problem != null) {
                    failures.add(describe(i, problem, text));
                } else if (e.diagnostics().get(0).message().startsWith("malformed YAML")) {
                    malformed++;
                } else {
                    invalid++;
                }
            } catch (Throwable t) {
                failures.add(describe(i, t.toString() + stackTop(t), text));
            }
            long took = System.nanoTime() - t0;
            if (PROFILE) {
                int bucket = text == null ? 0 : 64 - Long.numberOfLeadingZeros(text.length());
                profile[bucket][0]++;
                profile[bucket][1] += took;
            }
            if (took > SLOW_NANOS && failures.size() == failed) {
                failures.add(describe(i, "took " + took / 1_000_000 + " ms", text));
            }
            if (failures.size() >= 20) {
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("ownership loader fuzz: %d inputs in %.1f s (%.1f s CPU; seed %d): %d valid, %d malformed YAML,"
                        + " %d rejected by validation, %d read as bytes from a file; %d failures%n",
                valid + malformed + invalid + failures.size(), seconds, cpuSeconds, SEED, valid, malformed, invalid, viaPath,
                failures.size());
        if (PROFILE) {
            for (int b = 0; b < profile.length; b++) {
                if (profile[b][0] > 0) {
                    System.out.printf("  < 2^%d chars: %d inputs, %d ms%n", b, profile[b][0], profile[b][1] / 1_000_000);
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " inputs broke the loader's contract:\n" + String.join("\n\n", failures));
        }
        assertTrue(ONLY >= 0 || valid > 0 && invalid > 0 && malformed > 0,
                "the mutations should reach every outcome: " + valid + " valid, " + invalid + " invalid, "
                        + malformed + " malformed");
    }

    /** Null when the diagnostics keep the contract, else what is wrong with them. */
    private static String checkDiagnostics(List<Diagnostic> diagnostics, String source, String text) {
        if (diagnostics.isEmpty()) {
            return "no diagnostics";
        }
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                lines++;
            }
        }
        for (Diagnostic d : diagnostics) {
            if (!d.source().equals(source)) {
                return "wrong source: " + d;
            }
            if (d.line() < 1 || d.column() < 1 || d.line() > lines + 1) {
                return "position outside the input (" + lines + " lines): " + d;
            }
            if (d.message() == null || d.message().isBlank()) {
                return "empty message: " + d;
            }
        }
        return null;
    }

    private static String describe(int index, String problem, String text) {
        String shown = text == null ? "(not generated)" : text.length() > 600 ? text.substring(0, 600) + "…" : text;
        return "input #" + index + " (seed " + SEED + "): " + problem + "\n--- input ---\n"
                + shown.replace("\t", "\\t").replace("\r", "\\r");
    }

    private static String stackTop(Throwable t) {
        StackTraceElement[] stack = t.getStackTrace();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(6, stack.length); i++) {
            b.append("\n    at ").append(stack[i]);
        }
        return b.toString();
    }
}
