package dev.kafkasteward.exporter.funnel;

import dev.kafkasteward.contract.ownership.Funnel;

/** Finds a record's correlation key and hashes it ({@link KeyHash#NONE} when the record has none). */
sealed interface KeyExtractor {

    /** The correlation field, header or key is not there (or JSON null). */
    String MISSING = "missing";
    /** The value cannot be read for the field: not a JSON object, or the field is an object or array. */
    String UNPARSABLE = "unparsable";

    long keyHash(FunnelRecord record);

    /** Why {@code record}, whose {@link #keyHash} was {@link KeyHash#NONE}, has no key. */
    default String missReason(FunnelRecord record) {
        return MISSING;
    }

    static KeyExtractor of(Funnel.Correlation correlation) {
        if (correlation instanceof Funnel.Correlation.Header h) {
            return new Header(h.header());
        }
        if (correlation instanceof Funnel.Correlation.JsonField j) {
            return new Json(new JsonField(j.field()));
        }
        return new RecordKey();
    }


    record RecordKey() implements KeyExtractor {
        @Override
        public long keyHash(FunnelRecord record) {
            return KeyHash.ofNullable(record.key());
        }
    }

    record Header(String name) implements KeyExtractor {
        @Override
        public long keyHash(FunnelRecord record) {
            return KeyHash.ofNullable(record.header(name));
        }
    }

    record Json(JsonField field) implements KeyExtractor {
        @Override
        public long keyHash(FunnelRecord record) {
            return field.withText(record.value(), KeyHash::ofChars, KeyHash.NONE);
        }

        @Override
        public String missReason(FunnelRecord record) {
            return field.missReason(record.value());
        }
    }
}
