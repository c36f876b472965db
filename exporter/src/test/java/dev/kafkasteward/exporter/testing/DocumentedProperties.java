package dev.kafkasteward.exporter.testing;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A {@code properties} block of a document, found by its first line ({@code # <title>}), so that a
 * test runs a documented client configuration exactly as written: only the {@code /etc/steward/}
 * directory and the bootstrap address are replaced.
 */
public final class DocumentedProperties {

    private static final String FENCE = "```";

    private DocumentedProperties() {
    }

    public static Properties read(Path document, String title, Path etcSteward, String bootstrap) throws IOException {
        String text = block(Files.readString(document), "# " + title, document)
                .replace("/etc/steward/", etcSteward.toString() + "/");
        Properties props = new Properties();
        props.load(new StringReader(text));
        if (props.getProperty("bootstrap.servers") == null) {
            throw new AssertionError(document + ": block '" + title + "' sets no bootstrap.servers");
        }
        props.setProperty("bootstrap.servers", bootstrap);
        return props;
    }

    private static String block(String markdown, String firstLine, Path document) {
        String opening = FENCE + "properties\n" + firstLine + "\n";
        int start = markdown.indexOf(opening);
        if (start < 0 || markdown.indexOf(opening, start + 1) >= 0) {
            throw new AssertionError(document + " has " + (start < 0 ? "no" : "more than one")
                    + " properties block starting '" + firstLine + "'");
        }
        int from = start + opening.length();
        return markdown.substring(from, markdown.indexOf(FENCE, from));
    }
}
