package dev.kafkasteward.exporter.funnel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * One field of a JSON record value, found by streaming (Jackson's parser, no tree): siblings are
 * skipped, parsing stops at the field. A dotted name ({@code order.id}) descends into objects.
 * When the first name is plain ASCII, values that do not even contain it in quotes are rejected
 * without parsing — a JSON writer never escapes such names.
 */
final class JsonField {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_$-]+");

    private final String[] path;
    private final byte[] quotedFirst; // null when the quick check does not apply

    JsonField(String name) {
        this.path = name.split("\\.", -1);
        this.quotedFirst = PLAIN.matcher(path[0]).matches()
                ? ('"' + path[0] + '"').getBytes(StandardCharsets.US_ASCII) : null;
    }

    /** What to do with the scalar text of the field once found. */
    @FunctionalInterface
    interface TextVisitor {
        long visit(char[] text, int offset, int length);
    }

    /**
     * Applies {@code visitor} to the field's scalar text (strings unquoted, numbers and booleans as
     * written) and returns its answer, or {@code absent} when the value is not JSON, lacks the
     * field, or the field is null or not a scalar.
     */
    long withText(byte[] value, TextVisitor visitor, long absent) {
        if (value == null || value.length == 0 || (quotedFirst != null && indexOf(value, quotedFirst) < 0)) {
            return absent;
        }
        try (JsonParser p = JSON.createParser(value)) {
            if (!seek(p)) {
                return absent;
            }
            JsonToken t = p.currentToken();
            if (t == null || !t.isScalarValue() || t == JsonToken.VALUE_NULL) {
                return absent;
            }
            return visitor.visit(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        } catch (IOException | RuntimeException e) {
            return absent; // not JSON: the record simply does not carry the field
        }
    }

    /**
     * Why {@link #withText} found nothing in {@code value}: {@code missing} when the value is JSON
     * without the field (or with it null), {@code unparsable} when the value is not a JSON object or
     * the field holds an object or array. Parses again: only called for records without a key.
     */
    String missReason(byte[] value) {
        if (value == null || value.length == 0) {
            return KeyExtractor.MISSING;
        }
        try (JsonParser p = JSON.createParser(value)) {
            if (!seek(p)) {
                // seek read the whole object (or failed on its first token) without finding the field
                return p.currentToken() == JsonToken.END_OBJECT ? KeyExtractor.MISSING : KeyExtractor.UNPARSABLE;
            }
            JsonToken t = p.currentToken();
            return t == JsonToken.VALUE_NULL ? KeyExtractor.MISSING : KeyExtractor.UNPARSABLE;
        } catch (IOException | RuntimeException e) {
            return KeyExtractor.UNPARSABLE;
        }
    }

    private boolean seek(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        int depth = 0;
        while (true) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.FIELD_NAME) {
                return false; // END_OBJECT: the field is not in this object
            }
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (path[depth].equals(name)) {
                if (depth == path.length - 1) {
                    return true;
                }
                if (v != JsonToken.START_OBJECT) {
                    return false;
                }
                depth++;
            } else {
                p.skipChildren();
            }
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
