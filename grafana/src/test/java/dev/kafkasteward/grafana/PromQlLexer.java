package dev.kafkasteward.grafana;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PromQL expression (with Grafana's {@code $variables}) into tokens: enough of the
 * language to find metric names, label matchers, grouping labels and range selectors honestly,
 * without mistaking a string's content or a label name for a metric.
 */
final class PromQlLexer {

    enum Kind { IDENT, NUMBER, STRING, RANGE, VARIABLE, PUNCT }

    record Token(Kind kind, String text) {
        boolean is(String punct) {
            return kind == Kind.PUNCT && text.equals(punct);
        }
    }

    private static final List<String> TWO_CHAR = List.of("=~", "!~", "!=", "==", "<=", ">=");

    private PromQlLexer() {
    }

    static List<Token> tokenize(String expr) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                int end = expr.indexOf('\n', i);
                i = end < 0 ? expr.length() : end;
            } else if (c == '"' || c == '\'' || c == '`') {
                int end = i + 1;
                StringBuilder value = new StringBuilder();
                while (end < expr.length() && expr.charAt(end) != c) {
                    if (expr.charAt(end) == '\\' && c != '`') {
                        end++;
                    }
                    value.append(expr.charAt(end));
                    end++;
                }
                if (end >= expr.length()) {
                    throw new IllegalArgumentException("unterminated string in " + expr);
                }
                tokens.add(new Token(Kind.STRING, value.toString()));
                i = end + 1;
            } else if (c == '[') {
                int end = expr.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated range in " + expr);
                }
                tokens.add(new Token(Kind.RANGE, expr.substring(i + 1, end).trim()));
                i = end + 1;
            } else if (c == '$') {
                int end = i + 1;
                if (end < expr.length() && expr.charAt(end) == '{') {
                    end = expr.indexOf('}', end) + 1;
                } else {
                    while (end < expr.length() && isIdentPart(expr.charAt(end))) {
                        end++;
                    }
                }
                tokens.add(new Token(Kind.VARIABLE, expr.substring(i, end)));
                i = end;
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int end = i;
                while (end < expr.length() && isIdentPart(expr.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Kind.IDENT, expr.substring(i, end)));
                i = end;
            } else if (Character.isDigit(c) || c == '.') {
                int end = i;
                while (end < expr.length() && (Character.isLetterOrDigit(expr.charAt(end)) || expr.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Kind.NUMBER, expr.substring(i, end)));
                i = end;
            } else if (i + 1 < expr.length() && TWO_CHAR.contains(expr.substring(i, i + 2))) {
                tokens.add(new Token(Kind.PUNCT, expr.substring(i, i + 2)));
                i += 2;
            } else {
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c)));
                i++;
            }
        }
        return tokens;
    }

    private static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }
}
