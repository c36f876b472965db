package dev.kafkasteward.exporter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrailerDroppingStreamTest {

    private static final byte[] EOF = "# EOF\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void dropsTheTrailerWhateverTheWriteSizes() throws Exception {
        String body = "a 1\nb 2\n".repeat(50);
        Random random = new Random(7);
        for (int run = 0; run < 200; run++) {
            assertEquals(body, written(body + "# EOF\n", random));
        }
    }

    @Test
    void keepsEverythingWhenTheEndIsNotTheTrailer() throws Exception {
        Random random = new Random(11);
        for (String text : new String[] {"", "x", "# EOF", "# EOF\nmore\n", "a 1\n# EOF!\n", "# EOF\n# EOF\n"}) {
            String expected = text.endsWith("# EOF\n") ? text.substring(0, text.length() - EOF.length) : text;
            assertEquals(expected, written(text, random), text);
        }
    }

    /** Writes {@code text} in random chunks (single bytes included) and returns what came out. */
    private static String written(String text, Random random) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TrailerDroppingStream s = new TrailerDroppingStream(out, EOF)) {
            int i = 0;
            while (i < bytes.length) {
                int len = Math.min(bytes.length - i, random.nextInt(10));
                if (len == 1 && random.nextBoolean()) {
                    s.write(bytes[i]);
                } else {
                    s.write(bytes, i, len);
                }
                i += len;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
