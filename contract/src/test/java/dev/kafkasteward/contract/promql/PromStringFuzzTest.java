package dev.kafkasteward.contract.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property: {@link PromString#quote} of any string, read back as PromQL reads a double-quoted string (Prometheus'
 * lexer, then Go's strconv.Unquote), is one literal whose value is that string. The reader below is written from
 * those rules, not from the quoter: it knows every Go escape and refuses what Go refuses (a raw line break,
 * {@code \'} between double quotes, an unknown escape). Seeded: {@code -Dfuzz.seed=S}.
 */
class PromStringFuzzTest {

    static final int COUNT = 30_000;
    private static final long SEED = Long.getLong("fuzz.seed", 20261207L);
    /** Pieces of the strings: what needs escaping, what must not be, and characters outside ASCII and the BMP. */
    private static final String[] PIECES = {"a", "Z", "0", " ", "\\", "\"", "'", "`", "\n", "\r", "\t", "\u0000",
        "\u007f", "{{", "}}", "$", "$1", "\\n", "\\\"", "\\u00e9", "%", "=~", "é", "日本", "\u2028", "\u0085", "\ufeff",
        "😀", "e\u0301"};

    @Test
    void everyQuotedStringReadsBackAsItself() {
        List<String> failures = new ArrayList<>();
        int escaped = 0;
        long start = System.nanoTime();
        for (int i = 0; i < COUNT && failures.size() < 20; i++) {
            SplittableRandom random = new SplittableRandom(SEED * 31 + i);
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(0, 16); n > 0; n--) {
                b.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x20, 0xd800) : PIECES[random.nextInt(
                        PIECES.length)]);
            }
            String value = b.toString();
            String quoted = PromString.quote(value);
            try {
                String read = unquote(quoted);
                if (!read.equals(value)) {
                    failures.add("#" + i + ": " + show(value) + " quoted as " + show(quoted) + " reads " + show(read));
                }
            } catch (IllegalArgumentException e) {
                failures.add("#" + i + ": " + show(value) + " quoted as " + show(quoted) + ": " + e.getMessage());
            }
            escaped += quoted.length() > value.length() + 2 ? 1 : 0;
        }
        System.out.printf("PromString fuzz: %d strings in %.1f s (seed %d), %d of them with escapes; %d failures%n",
                COUNT, (System.nanoTime() - start) / 1e9, SEED, escaped, failures.size());
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
        assertTrue(escaped > COUNT / 4, "escapes exercised: " + escaped);
    }

    /** The reader refuses what Prometheus refuses, or the property above would prove nothing. */
    @Test
    void theReaderRefusesWhatPrometheusRefuses() {
        assertEquals("a\"b\\c\nd\u00e9\u00e9😀\u0007", unquote("\"a\\\"b\\\\c\\nd\\u00e9\\xc3\\xa9\\U0001F600\\a\""));
        assertEquals("A", unquote("\"\\101\""));
        assertThrows(IllegalArgumentException.class, () -> unquote("\"a\nb\""));
        assertThrows(IllegalArgumentException.class, () -> unquote("\"it\\'s\""));
        assertThrows(IllegalArgumentException.class, () -> unquote("\"\\q\""));
        assertThrows(IllegalArgumentException.class, () -> unquote("\"a\"b\""));
        assertThrows(IllegalArgumentException.class, () -> unquote("\"a\\\""));
        assertThrows(IllegalArgumentException.class, () -> unquote("\"\\ud800\""));
    }

    /** The value of a PromQL double-quoted string literal, or why Prometheus would not read it. */
    static String unquote(String literal) {
        if (!literal.startsWith("\"")) {
            throw new IllegalArgumentException("does not start with '\"'");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 1;
        while (true) {
            if (i >= literal.length()) {
                throw new IllegalArgumentException("unterminated quoted string");
            }
            int c = literal.codePointAt(i);
            if (c == '"') {
                if (i != literal.length() - 1) {
                    throw new IllegalArgumentException("the string ends at " + i + ", before the literal does");
                }
                break;
            }
            if (c == '\n') {
                throw new IllegalArgumentException("unterminated quoted string (a line break at " + i + ")");
            }
            i += Character.charCount(c);
            if (c != '\\') {
                bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i >= literal.length()) {
                throw new IllegalArgumentException("unterminated quoted string");
            }
            char e = literal.charAt(i++);
            switch (e) {
                case 'a' -> bytes.write(7);
                case 'b' -> bytes.write('\b');
                case 'f' -> bytes.write('\f');
                case 'n' -> bytes.write('\n');
                case 'r' -> bytes.write('\r');
                case 't' -> bytes.write('\t');
                case 'v' -> bytes.write(11);
                case '\\', '"' -> bytes.write(e);
                case 'x' -> {
                    bytes.write(number(literal, i, 2, 16));
                    i += 2;
                }
                case 'u', 'U' -> {
                    int digits = e == 'u' ? 4 : 8;
                    int code = number(literal, i, digits, 16);
                    i += digits;
                    if (code > Character.MAX_CODE_POINT || code >= 0xd800 && code < 0xe000) {
                        throw new IllegalArgumentException("escape sequence is an invalid Unicode code point");
                    }
                    bytes.writeBytes(Character.toString(code).getBytes(StandardCharsets.UTF_8));
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int code = number(literal, i - 1, 3, 8);
                    i += 2;
                    if (code > 255) {
                        throw new IllegalArgumentException("octal escape above 255");
                    }
                    bytes.write(code);
                }
                default -> throw new IllegalArgumentException("unknown escape sequence \\" + e); // \' included
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8: " + e);
        }
    }

    private static int number(String s, int from, int digits, int radix) {
        if (from + digits > s.length()) {
            throw new IllegalArgumentException("escape sequence cut short");
        }
        int value = 0;
        for (int k = from; k < from + digits; k++) {
            int d = Character.digit(s.charAt(k), radix);
            if (d < 0) {
                throw new IllegalArgumentException("bad digit in escape sequence: " + s.charAt(k));
            }
            value = value * radix + d;
        }
        return value;
    }

    private static String show(String s) {
        StringBuilder b = new StringBuilder("'");
        s.codePoints().forEach(c -> b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", c)
                : Character.toString(c)));
        return b.append('\'').toString();
    }
}
