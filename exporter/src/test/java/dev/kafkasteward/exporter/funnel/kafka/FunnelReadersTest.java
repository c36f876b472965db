package dev.kafkasteward.exporter.funnel.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kafkasteward.contract.ownership.Funnel;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FunnelReadersTest {

    @Test
    void aReaderThatCouldNotBeMadeIsTriedAgainForTheSameFunnels() throws Exception {
        List<Funnel> declared = new OwnershipLoader().load(Path.of("../examples/ownership.yml")).funnels();
        assertFalse(declared.isEmpty());
        List<List<Funnel>> asked = new ArrayList<>();
        FunnelReaders readers = new FunnelReaders(List.of(), funnels -> {
            asked.add(funnels);
            if (asked.size() == 2) {
                throw new IllegalStateException("consumer could not start");
            }
            return Optional.empty();
        });

        assertThrows(IllegalStateException.class, () -> readers.use(declared));
        readers.use(declared);
        readers.use(declared);

        assertEquals(List.of(List.of(), declared, declared), asked,
                "retried once after the failure, then kept: the same funnels are not started twice");
        readers.close();
    }
}
