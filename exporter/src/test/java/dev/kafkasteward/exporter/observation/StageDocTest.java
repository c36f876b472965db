package dev.kafkasteward.exporter.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageDocTest {

    @Test
    void everyErrorStageIsNamedInTheProductionGuide() throws Exception {
        String guide = Files.readString(Path.of("../docs/running-in-production.md"));
        List<String> missing = Arrays.stream(Stage.values()).map(Stage::label)
                .filter(label -> !guide.contains("`" + label + "`")).toList();
        assertEquals(List.of(), missing, "stage labels docs/running-in-production.md does not name");
    }
}
