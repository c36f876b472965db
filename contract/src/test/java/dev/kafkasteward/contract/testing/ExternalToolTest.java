package dev.kafkasteward.contract.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExternalToolTest {

    @Test
    void anyCiValueButFalseOrZeroMeansCiSoAMissingToolFails() {
        for (String ci : new String[] {"true", "TRUE", "1", "woodpecker"}) {
            assertTrue(ExternalTool.inCi(ci), ci);
        }
        for (String ci : new String[] {null, "", " ", "false", "False", "0"}) {
            assertFalse(ExternalTool.inCi(ci), String.valueOf(ci));
        }
    }
}
