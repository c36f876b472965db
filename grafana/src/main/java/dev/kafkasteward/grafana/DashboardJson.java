package dev.kafkasteward.grafana;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kafkasteward.grafana.model.Dashboard;

/**
 * Writes a dashboard as Grafana's JSON model: keys sorted, two-space indent, {@code "key": value}, {@code \n} line ends
 * on every platform, trailing newline; null fields left out (except where a record says otherwise).
 */
final class DashboardJson {

    private static final ObjectWriter WRITER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            // Grafana expects {} for option-less transformations such as merge.
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build()
            .writer(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withObjectEmptySeparator("")
                            .withArrayEmptySeparator("")));

    private DashboardJson() {
    }

    static String write(Dashboard dashboard) {
        try {
            return WRITER.writeValueAsString(dashboard) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize dashboard " + dashboard.uid(), e);
        }
    }
}
