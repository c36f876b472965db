package dev.kafkasteward.contract.ownership;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Turns valid ownership files into hostile ones, deterministically from a {@link SplittableRandom}:
 * character and byte flips, truncation, duplicated, dropped and swapped lines, random indentation,
 * random keys from the schema's own vocabulary and random values, deep nesting, anchors and aliases
 * (alias bombs included), tags, directives and extra documents, and the occasional huge scalar.
 * Structure-aware mutations keep most inputs close enough to valid to reach the validator, not only
 * the YAML parser.
 */
final class YamlMutator {

    /**
     * Keys the schema knows (the reader's own sets, so a new key is fuzzed too), so random insertions
     * hit real code paths (and duplicates); plus a client app's match label, the fixtures' team and
     * tier names, an unknown key and typos. Sorted: {@code Set.of} iterates in a different order in
     * every JVM, and a seed must give the same inputs in every run.
     */
    private static final String[] KEYS = Stream.of(
                    OwnershipReader.ALL_KEYS.stream().flatMap(Set::stream),
                    OwnershipReader.RECEIVER_TYPES.stream(),
                    Stream.of("client_id", "checkout", "payments", "tier-1", "tier-2", "unknown_key", "naem", "ownr"))
            .flatMap(keys -> keys).distinct().sorted().toArray(String[]::new);

    private static final String[] VALUES = {
        "", "~", "null", "true", "no", "yes", "0", "-1", "1e309", ".inf", "-.nan", "0x1F", "0o17", "2001-12-14",
        "30s", "5m", "2h", "1d", "0s", "-5m", "1h30m", "5 m", "5M", "99.5%", "100%", "101%", "-1%", "%", "0.5",
        "critical", "warning", "info", "page", "checkout", "payments", "platform", "tier-1", "tier-9",
        "http://127.0.0.1/x", "not a url", "/etc/secret", "'quoted'", "\"dq \\u0041 \\x00\"", "[a, b]", "{a: b}",
        "[]", "{}", "'['", "'.*'", "'('", "'[a-'", "'*'", "\"\\uD800\"", "é", "🚀", "\u200B", "a\u0085b", "\uFEFF",
        "!!binary aGVsbG8=", "!!timestamp 2001-12-14", "!!int 3", "!!float x", "!!str", "!!set {a, b}",
        "!!omap [a: 1]", "!!python/object:os.system", "!local x", "!<tag:yaml.org,2002:str> x", "|\n  block\n",
        ">-\n  folded\n", "&anchor v", "*anchor", "*undefined", "<<: *a", "? complex", "- item", ": v", "a: b: c",
        "@reserved", "`tick", "#comment", "%directive", "\t", "\\", "'unterminated", "\"unterminated",
    };

    private static final String SPECIALS = ":-[]{}&*!|>'\"#%@`?,\t\n\r \\~.0123456789aZ\u0000\u0085\u00A0\u2028\uFEFF\uD800\uDC00é";

    private final SplittableRandom random;

    YamlMutator(SplittableRandom random) {
        this.random = random;
    }

    /** Applies one to four random mutations to {@code seed}. */
    String mutate(String seed) {
        String text = seed;
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds && text.length() < 256 * 1024; i++) {
            text = once(text);
        }
        return text;
    }

    /** Bytes for {@code load(Path)}: a text mutation, then raw byte damage that may break UTF-8. */
    byte[] mutateBytes(String seed) {
        byte[] bytes = mutate(seed).getBytes(StandardCharsets.UTF_8);
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips && bytes.length > 0; i++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(5)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes[at] = (byte) (0x80 | random.nextInt(0x40)); // a lone continuation byte
                case 2 -> bytes[at] = (byte) 0xC0; // an overlong lead byte
                case 3 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                default -> bytes = Arrays.copyOf(bytes, at); // cut inside a multi-byte sequence, maybe
            }
        }
        return bytes;
    }

    private String once(String text) {
        return switch (random.nextInt(17)) {
            case 0 -> flipChar(text);
            case 1 -> truncate(text);
            case 2 -> duplicateLine(text);
            case 3 -> dropLine(text);
            case 4 -> swapLines(text);
            case 5 -> reindent(text);
            case 6 -> insertKey(text);
            case 7 -> replaceValue(text);
            case 8 -> deepNesting(text);
            case 9 -> aliases(text);
            case 10 -> hugeScalar(text);
            case 11 -> tagOrDirective(text);
            case 12 -> insertChars(text);
            case 13 -> spliceLines(text);
            case 14 -> tabsAndLineEnds(text);
            case 15 -> duplicateBlock(text);
            default -> replaceValue(insertKey(text));
        };
    }

    private String flipChar(String text) {
        if (text.isEmpty()) {
            return String.valueOf(special());
        }
        int at = random.nextInt(text.length());
        return text.substring(0, at) + special() + text.substring(at + 1);
    }

    private String insertChars(String text) {
        int at = random.nextInt(text.length() + 1);
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            b.append(special());
        }
        return text.substring(0, at) + b + text.substring(at);
    }

    private String truncate(String text) {
        return text.substring(0, random.nextInt(text.length() + 1));
    }

    private String duplicateLine(String text) {
        List<String> lines = lines(text);
        if (lines.isEmpty()) {
            return text;
        }
        int at = random.nextInt(lines.size());
        lines.add(random.nextInt(lines.size() + 1), lines.get(at));
        return join(lines);
    }

    private String duplicateBlock(String text) {
        List<String> lines = lines(text);
        if (lines.size() < 2) {
            return text;
        }
        int from = random.nextInt(lines.size());
        int to = Math.min(lines.size(), from + 1 + random.nextInt(8));
        List<String> block = new ArrayList<>(lines.subList(from, to));
        lines.addAll(to, block);
        return join(lines);
    }

    private String dropLine(String text) {
        List<String> lines = lines(text);
        if (lines.isEmpty()) {
            return text;
        }
        lines.remove(random.nextInt(lines.size()));
        return join(lines);
    }

    private String swapLines(String text) {
        List<String> lines = lines(text);
        if (lines.size() < 2) {
            return text;
        }
        int a = random.nextInt(lines.size());
        int b = random.nextInt(lines.size());
        String t = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, t);
        return join(lines);
    }

    private String spliceLines(String text) {
        List<String> lines = lines(text);
        if (lines.size() < 2) {
            return text;
        }
        int a = random.nextInt(lines.size() - 1);
        lines.set(a, lines.get(a) + lines.remove(a + 1).stripLeading());
        return join(lines);
    }

    private String reindent(String text) {
        List<String> lines = lines(text);
        if (lines.isEmpty()) {
            return text;
        }
        int at = random.nextInt(lines.size());
        String body = lines.get(at).stripLeading();
        lines.set(at, " ".repeat(random.nextInt(13)) + body);
        return join(lines);
    }

    private String tabsAndLineEnds(String text) {
        return switch (random.nextInt(4)) {
            case 0 -> text.replace("\n", "\r\n");
            case 1 -> text.replace("\n", "\r");
            case 2 -> text.replaceFirst("  ", "\t");
            default -> "\uFEFF" + text;
        };
    }

    private String insertKey(String text) {
        List<String> lines = lines(text);
        int at = random.nextInt(lines.size() + 1);
        String indent = " ".repeat(2 * random.nextInt(5));
        String prefix = random.nextInt(4) == 0 ? "- " : "";
        lines.add(at, indent + prefix + pick(KEYS) + ": " + value());
        return join(lines);
    }

    private String replaceValue(String text) {
        List<String> lines = lines(text);
        if (lines.isEmpty()) {
            return text;
        }
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        int colon = line.indexOf(": ");
        if (colon < 0) {
            int dash = line.indexOf("- ");
            lines.set(at, dash < 0 ? line + " " + value() : line.substring(0, dash + 2) + value());
        } else {
            lines.set(at, line.substring(0, colon + 2) + value());
        }
        return join(lines);
    }

    private String deepNesting(String text) {
        int depth = 1 + random.nextInt(random.nextInt(8) == 0 ? 2000 : 60);
        String nested = switch (random.nextInt(3)) {
            case 0 -> "[".repeat(depth) + "x" + "]".repeat(depth);
            case 1 -> "{a: ".repeat(depth) + "x" + "}".repeat(depth);
            default -> {
                StringBuilder b = new StringBuilder("\n");
                for (int i = 0; i < depth; i++) {
                    b.append("  ".repeat(i + 1)).append("k").append(i).append(":\n");
                }
                b.append("  ".repeat(depth + 1)).append("x");
                yield b.toString();
            }
        };
        if (random.nextInt(3) == 0) {
            nested = nested.substring(0, random.nextInt(nested.length() + 1)); // unbalanced
        }
        return withValue(text, nested);
    }

    private String aliases(String text) {
        return switch (random.nextInt(4)) {
            case 0 -> {
                // The classic alias bomb: each level doubles, so depth 30 would be a billion nodes.
                int levels = 3 + random.nextInt(30);
                StringBuilder b = new StringBuilder("a0: &a0 [x, x]\n");
                for (int i = 1; i < levels; i++) {
                    b.append('a').append(i).append(": &a").append(i)
                            .append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
                }
                yield b + text;
            }
            case 1 -> withValue(text, "&r [*r]"); // recursive
            case 2 -> withValue(text, "*" + pick(new String[] {"a", "undefined", "anchor", ""}));
            default -> {
                // Anchor a real team or tier and reuse it elsewhere: legal YAML the validator must judge.
                String anchored = text.replaceFirst("(\\n  [a-z-]+:)\\n", "$1 &shared\n");
                yield withValue(anchored, random.nextBoolean() ? "*shared" : "{<<: *shared, extra: 1}");
            }
        };
    }

    private String hugeScalar(String text) {
        // Mostly moderate, rarely near the 4 MiB limit, so the whole run stays fast.
        int size = random.nextInt(1000) == 0 ? OwnershipLoader.MAX_BYTES - text.length() + random.nextInt(64) - 32
                : random.nextInt(20) == 0 ? random.nextInt(200_000) : 100 + random.nextInt(5000);
        size = Math.max(0, size);
        return switch (random.nextInt(3)) {
            case 0 -> withValue(text, "\"" + (random.nextBoolean() ? "x" : " ").repeat(size) + "\"");
            case 1 -> withValue(text, (random.nextBoolean() ? "x" : " ").repeat(size));
            // Many short lines: a big value that stays within the line limit.
            default -> withValue(text, "|\n" + ("    " + "y".repeat(75) + "\n").repeat(size / 80 + 1));
        };
    }

    private String tagOrDirective(String text) {
        return switch (random.nextInt(6)) {
            case 0 -> "%YAML 1.1\n---\n" + text;
            case 1 -> "%YAML 2.0\n---\n" + text;
            case 2 -> "%TAG ! tag:example.com,2000:\n---\n" + text;
            case 3 -> text + "\n---\n" + text;
            case 4 -> text + "\n...\n";
            default -> withValue(text, pick(new String[] {"!!map {a: b}", "!!seq [a]", "!!null ''", "!!bool maybe",
                "!!python/name:os.system", "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]"}));
        };
    }

    /** Replaces the value of a random {@code key: value} line with {@code value}. */
    private String withValue(String text, String value) {
        List<String> lines = lines(text);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(": ") || lines.get(i).endsWith(":")) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return text + "\nx: " + value;
        }
        int at = candidates.get(random.nextInt(candidates.size()));
        String line = lines.get(at);
        int colon = line.indexOf(':');
        lines.set(at, line.substring(0, colon + 1) + " " + value);
        return join(lines);
    }

    private String value() {
        if (random.nextInt(10) == 0) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(20);
            for (int i = 0; i < n; i++) {
                b.append(special());
            }
            return b.toString();
        }
        return pick(VALUES);
    }

    private char special() {
        return random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : SPECIALS.charAt(random.nextInt(SPECIALS.length()));
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines);
    }
}
