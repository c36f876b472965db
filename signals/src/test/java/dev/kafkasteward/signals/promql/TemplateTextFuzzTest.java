package dev.kafkasteward.signals.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property: text from ownership.yml written through {@link TemplateVars#prometheus()}'s {@code text} is what the
 * alert shows once Prometheus expands the template, alone and between the rule's own text and actions, as the alert
 * texts place it. Java has no Go template engine; {@link #expand} reads a template as Go's text/template lexer does
 * where it matters here ({@code {{} starts an action wherever it is, trim markers eat white space) and knows no
 * action but a string constant, which it prints: anything else means user text became template code. Seeded:
 * {@code -Dfuzz.seed=S}.
 */
class TemplateTextFuzzTest {

    static final int COUNT = 30_000;
    private static final long SEED = Long.getLong("fuzz.seed", 20261207L);
    private static final String[] PIECES = {"{", "{", "}", "{{", "}}", "{{-", "-}}", "{{/*", "*/}}", "{{ .Value }}",
        "{{ $labels.group }}", "$", "$value", "\\", "\"", "'", "`", "\n", "\r", "\t", " ", "-", ".", "|", "a", "Z",
        "é", "日本", "😀", "%s"};

    private final TemplateVars prometheus = TemplateVars.prometheus();

    @Test
    void userTextExpandsToItselfAloneAndAmongTheRulesOwnText() {
        List<String> failures = new ArrayList<>();
        int escaped = 0;
        long start = System.nanoTime();
        for (int i = 0; i < COUNT && failures.size() < 20; i++) {
            SplittableRandom random = new SplittableRandom(SEED * 31 + i);
            String a = text(random);
            String b = text(random);
            // As alert texts use it: after the rule's words, next to more user text, around an action.
            String template = "Stage " + prometheus.text(a) + prometheus.text(b) + "{{ \"!\" }}" + prometheus.text(a)
                    + ".";
            String expected = "Stage " + a + b + "!" + a + ".";
            try {
                String alone = expand(prometheus.text(a));
                if (!alone.equals(a)) {
                    failures.add("#" + i + ": " + show(a) + " written as " + show(prometheus.text(a)) + " shows "
                            + show(alone));
                }
                String among = expand(template);
                if (!among.equals(expected)) {
                    failures.add("#" + i + ": " + show(template) + " shows " + show(among));
                }
            } catch (IllegalArgumentException e) {
                failures.add("#" + i + ": " + show(template) + ": " + e.getMessage());
            }
            escaped += a.contains("{") ? 1 : 0;
        }
        System.out.printf("template text fuzz: %d texts in %.1f s (seed %d), %d with a '{'; %d failures%n", COUNT,
                (System.nanoTime() - start) / 1e9, SEED, escaped, failures.size());
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
        assertTrue(escaped > COUNT / 4, "braces exercised: " + escaped);
    }

    /** The expander reads what Go reads and refuses template code, or the property above would prove nothing. */
    @Test
    void theExpanderPrintsStringActionsAndRefusesCode() {
        assertEquals("a{{b", expand("a{{ \"{{\" }}b"));
        assertEquals("a}}b{", expand("a}}b{"));
        assertEquals("axb", expand("a \t{{- \"x\" -}}\n b"), "trim markers");
        assertEquals("a x", expand("a {{\"x\"}}"), "no trim without markers");
        assertThrows(IllegalArgumentException.class, () -> expand("a{{{ \"X\" }}"), "promtool: unexpected \"{\"");
        assertThrows(IllegalArgumentException.class, () -> expand("{{ $labels.group }}"));
        assertThrows(IllegalArgumentException.class, () -> expand("{{/* c */}}"));
        assertThrows(IllegalArgumentException.class, () -> expand("{{ \"x\""));
    }

    private static String text(SplittableRandom random) {
        StringBuilder b = new StringBuilder();
        for (int n = random.nextInt(0, 8); n > 0; n--) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    /** What Go's text/template prints for {@code template}, whose actions may only be string constants. */
    static String expand(String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int open = template.indexOf("{{", i);
            if (open < 0) {
                return out.append(template, i, template.length()).toString();
            }
            String text = template.substring(i, open);
            int p = open + 2;
            if (template.startsWith("-", p) && p + 1 < template.length() && isSpace(template.charAt(p + 1))) {
                text = text.replaceFirst("[ \t\r\n]+$", "");
                p += 2;
            }
            out.append(text);
            p = skipSpaces(template, p);
            int close = p < template.length() && template.charAt(p) == '"' ? template.indexOf('"', p + 1) : -1;
            if (close < 0) {
                throw new IllegalArgumentException("template code at " + open + ": " + template.substring(open));
            }
            String constant = template.substring(p + 1, close);
            if (constant.contains("\\") || constant.contains("\n")) {
                throw new IllegalArgumentException("a string constant with escapes, not modelled: " + constant);
            }
            p = skipSpaces(template, close + 1);
            boolean trimAfter = template.startsWith("-}}", p) && isSpace(template.charAt(p - 1));
            p += trimAfter ? 1 : 0;
            if (!template.startsWith("}}", p)) {
                throw new IllegalArgumentException("template code at " + open + ": " + template.substring(open));
            }
            out.append(constant);
            i = p + 2;
            while (trimAfter && i < template.length() && isSpace(template.charAt(i))) {
                i++;
            }
        }
    }

    private static int skipSpaces(String s, int from) {
        int p = from;
        while (p < s.length() && isSpace(s.charAt(p))) {
            p++;
        }
        return p;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static String show(String s) {
        return "'" + s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "'";
    }
}
