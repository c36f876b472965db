package dev.kafkasteward.contract.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricTableTest {

    @Test
    void readmeMetricTableIsTheCatalog() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int begin = readme.indexOf(MetricTable.BEGIN);
        int end = readme.indexOf(MetricTable.END);
        assertTrue(begin >= 0 && end > begin, "README.md has the metric-table markers");
        String table = readme.substring(begin, end + MetricTable.END.length()) + "\n";
        assertEquals(MetricTable.markdown(), table, "README.md's metric table is out of date; regenerate it with:"
                + " java -cp contract/target/classes dev.kafkasteward.contract.catalog.MetricTable");
    }

    @Test
    void everyMetricConstantIsInTheCatalog() throws IllegalAccessException {
        // A definition left out of its family's ALL would be rendered but missing from the README table.
        Set<MetricDef> catalog = new HashSet<>(MetricCatalog.all());
        List<String> missing = new ArrayList<>();
        for (Class<?> family : List.of(LagMetrics.class, ReplicationMetrics.class, ChangeMetrics.class,
                DiskMetrics.class, SelfMetrics.class, DeadLetterMetrics.class, FunnelMetrics.class, JmxMetrics.class)) {
            for (Field f : family.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == MetricDef.class) {
                    f.setAccessible(true);
                    if (!catalog.contains(f.get(null))) {
                        missing.add(family.getSimpleName() + "." + f.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyMetricNameIsDefinedOnce() {
        Set<String> seen = new HashSet<>();
        for (MetricDef m : MetricCatalog.all()) {
            assertTrue(seen.add(m.name()), "defined twice: " + m.name());
        }
    }
}
