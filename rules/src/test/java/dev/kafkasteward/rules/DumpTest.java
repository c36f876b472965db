package dev.kafkasteward.rules;
import org.junit.jupiter.api.Test;
class DumpTest {
    @Test
    void dump() {
        new RulesGenerator(RulesOptions.defaults()).generate(Fixtures.example()).writeTo(java.nio.file.Path.of("/tmp/rules-out"));
    }
}
