package dev.kafkasteward.exporter.funnel;

import dev.kafkasteward.contract.ownership.Funnel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Decides whether a record of a stage's topic belongs to the stage: always, by header, or by JSON field. */
sealed interface StageMatcher {

    boolean matches(FunnelRecord record);

    static StageMatcher of(java.util.Optional<Funnel.Match> match) {
        if (match.isEmpty()) {
            return new WholeTopic();
        }
        if (match.get() instanceof Funnel.Match.Header h) {
            return new HeaderEquals(h.header(), h.equals().getBytes(StandardCharsets.UTF_8));
        }
        Funnel.Match.JsonField j = (Funnel.Match.JsonField) match.get();
        return new JsonEquals(new JsonField(j.field()), j.equals().toCharArray());
    }

    /** Every record of the topic. */
    record WholeTopic() implements StageMatcher {
        @Override
        public boolean matches(FunnelRecord record) {
            return true;
        }
    }

    /** The last header of that name has exactly these bytes (UTF-8 of the configured value). */
    record HeaderEquals(String header, byte[] expected) implements StageMatcher {
        @Override
        public boolean matches(FunnelRecord record) {
            return Arrays.equals(record.header(header), expected);
        }
    }

    /** The JSON field's scalar text equals the configured value. */
    record JsonEquals(JsonField field, char[] expected) implements StageMatcher {
        @Override
        public boolean matches(FunnelRecord record) {
            return field.withText(record.value(), (text, off, len) ->
                    Arrays.equals(text, off, off + len, expected, 0, expected.length) ? 1 : 0, 0) == 1;
        }
    }
}
