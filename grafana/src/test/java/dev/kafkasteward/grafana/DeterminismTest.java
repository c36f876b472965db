package dev.kafkasteward.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.output.GeneratedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {

    @Test
    void twoRunsAreByteIdentical() {
        GeneratedFiles first = new DashboardGenerator().generate(ExampleOwnership.load());
        GeneratedFiles second = new DashboardGenerator().generate(ExampleOwnership.load());
        assertEquals(first.files(), second.files());
    }

    @Test
    void everyFileEndsWithOneNewlineAndHasNoCarriageReturns() {
        new DashboardGenerator().generate(ExampleOwnership.load()).files().forEach((path, content) -> {
            assertTrue(content.endsWith("\n"), path);
            assertFalse(content.endsWith("\n\n"), path);
            assertFalse(content.contains("\r"), path);
        });
    }

    @Test
    void writtenFilesAreTheGeneratedBytes(@TempDir Path dir) throws IOException {
        GeneratedFiles files = new DashboardGenerator().generate(ExampleOwnership.load());
        files.writeTo(dir);
        for (var e : files.files().entrySet()) {
            assertEquals(e.getValue(), Files.readString(dir.resolve(e.getKey())), e.getKey());
        }
    }
}
