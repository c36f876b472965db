package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.exporter.observation.Stage;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Errors of one cycle, counted by stage; the first of each stage is logged. */
final class CycleErrors {

    private static final Logger LOG = LoggerFactory.getLogger(CycleErrors.class);

    private final Map<Stage, Integer> counts = new EnumMap<>(Stage.class);

    void record(Stage stage, Throwable error) {
        Throwable cause = error instanceof ExecutionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        if (counts.merge(stage, 1, Integer::sum) == 1) {
            String what = cause instanceof TimeoutException ? "timed out" : cause.getClass().getSimpleName();
            LOG.warn("collection stage {} failed: {}: {}", stage.label(), what, cause.getMessage());
        }
    }

    /** Whether {@code stage} failed in this cycle. */
    boolean any(Stage stage) {
        return counts.containsKey(stage);
    }

    Map<String, Integer> byLabel() {
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach((stage, n) -> out.put(stage.label(), n));
        return out;
    }
}
