package dev.kafkasteward.exporter.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyStoreTest {

    @Test
    void behavesLikeAMapThroughInsertsUpdatesGrowthAndSweepRemovals() {
        KeyStore store = new KeyStore();
        Map<Long, int[]> model = new HashMap<>();
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < 5_000; i++) {
                // Few distinct bits so that hashes collide on home slots and probe runs wrap around.
                long hash = 1 + random.nextInt(40_000);
                int slot = store.find(hash);
                int entered = random.nextInt(1000);
                if (slot < 0) {
                    store.insert(slot, hash, (byte) 1, entered);
                    model.put(hash, new int[] {1, entered});
                } else {
                    assertTrue(model.containsKey(hash));
                    store.update(slot, (byte) 3, entered);
                    model.put(hash, new int[] {3, entered});
                }
            }
            int cutoff = random.nextInt(1000);
            int[] visits = {0};
            store.sweep((mask, entered) -> {
                visits[0]++;
                return entered < cutoff;
            });
            assertEquals(model.size(), visits[0], "every key visited exactly once");
            model.values().removeIf(v -> v[1] < cutoff);
            assertEquals(model.size(), store.size());
            model.forEach((hash, v) -> {
                int slot = store.find(hash);
                assertTrue(slot >= 0, "kept key still found after back-shifts");
                assertEquals(v[0], store.mask(slot));
                assertEquals(v[1], store.entered(slot));
            });
        }
    }

    @Test
    void storedSecondsAreRelativeTo2020() {
        assertEquals(0, KeyStore.toStoredSeconds(KeyStore.EPOCH_SECONDS * 1000 + 999));
        assertEquals(-1, KeyStore.toStoredSeconds(KeyStore.EPOCH_SECONDS * 1000 - 1));
    }
}
