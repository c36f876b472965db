package dev.kafkasteward.rules.yaml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Writes typed records as YAML the way every generated file should look: snake_case keys in
 * record order, map entries sorted, null fields left out, long lines kept whole, quotes only where
 * YAML needs them, and exactly one trailing newline.
 */
public final class YamlWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private YamlWriter() {
    }

    /** {@code value} as a YAML document, optionally after a leading comment block. */
    public static String write(String headerComment, Object value) {
        String body;
        try {
            body = MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
        StringBuilder sb = new StringBuilder();
        headerComment.lines().forEach(line -> sb.append(line.isEmpty() ? "#" : "# " + line).append('\n'));
        sb.append(body.stripTrailing()).append('\n');
        return sb.toString();
    }
}
