package dev.kafkasteward.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.gate.GateCondition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/changing-the-cluster.md lists exactly the change gate's conditions, in their order, each row naming
 * every alert the condition is recorded from. (The gate's options are checked in the exporter's GateOptionsDocTest.)
 */
class ChangeGateDocTest {

    private static final Path DOC = Path.of("..", "docs", "changing-the-cluster.md");

    @Test
    void theConditionTableIsTheGateConditions() throws Exception {
        String text = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = text.indexOf("<!-- gate-conditions:begin");
        int end = text.indexOf("<!-- gate-conditions:end -->");
        assertTrue(begin >= 0 && end > begin, "the table's markers");
        List<String> rows = text.substring(begin, end).lines().filter(l -> l.startsWith("| `")).toList();
        List<String> documented = rows.stream().map(r -> r.substring(3, r.indexOf('`', 3))).toList();
        assertEquals(Arrays.stream(GateCondition.values()).map(GateCondition::label).toList(), documented);
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            for (String alert : GateCondition.values()[i].alerts()) {
                if (!rows.get(i).contains(alert)) {
                    missing.add(documented.get(i) + ": " + alert);
                }
            }
        }
        assertEquals(List.of(), missing, "every alert a condition is built from is named in its row");
    }
}
