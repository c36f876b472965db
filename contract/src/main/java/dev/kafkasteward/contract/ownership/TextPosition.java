package dev.kafkasteward.contract.ownership;

import java.util.Optional;

/**
 * A 1-based line and column in raw text, for problems found before YAML parsing gives marks.
 * Lines break where YAML breaks them: LF, CR, CRLF, NEL, LS and PS.
 */
record TextPosition(int line, int column) {

    /** The position of character {@code index} of {@code text}. */
    static TextPosition of(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index && i < text.length(); i++) {
            int breakLength = lineBreak(text, i);
            if (breakLength > 0) {
                i += breakLength - 1;
                line++;
                lineStart = i + 1;
            }
        }
        return new TextPosition(line, index - lineStart + 1);
    }

    /** Where the first line longer than {@code max} characters goes over the limit. */
    static Optional<TextPosition> firstLineLongerThan(String text, int max) {
        int line = 1;
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            int breakLength = lineBreak(text, i);
            if (breakLength > 0) {
                i += breakLength - 1;
                line++;
                length = 0;
            } else if (++length > max) {
                return Optional.of(new TextPosition(line, length));
            }
        }
        return Optional.empty();
    }

    /** Length of the line break starting at {@code i}, 0 when there is none. */
    private static int lineBreak(String text, int i) {
        char c = text.charAt(i);
        if (c == '\r') {
            return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
        }
        return c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029' ? 1 : 0;
    }
}
