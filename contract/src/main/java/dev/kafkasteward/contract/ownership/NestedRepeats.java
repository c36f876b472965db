package dev.kafkasteward.contract.ownership;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Go's limit on nested counted repetitions, which RE2/J does not apply: Prometheus refuses
 * {@code (a{100}){100}} ("invalid repeat count": more than 1000 copies of the innermost thing), while
 * RE2/J accepts it and expands it in memory — {@code ((a{1000}){1000}){1000}} exhausts any heap. The
 * pattern is read only as far as groups, classes, escapes and counted repetitions go, which is all
 * the check needs (Go's {@code repeatIsValid}, regexp/syntax/parse.go).
 */
final class NestedRepeats {

    static final int LIMIT = 1000;

    /** Go's counts: no leading zeros ({@code a{01}} is literal text there, not a repetition). */
    private static final java.util.regex.Pattern COUNT =
            java.util.regex.Pattern.compile("\\{(0|[1-9]\\d*)(,(0|[1-9]\\d*)?)?}");

    /** A counted repetition that makes too many copies: its text and where it starts (0-based). */
    record Violation(String operator, int index) {
    }

    /** A group or an atom, with the counted repetition applied to it (max -1: unbounded; none: 1..1). */
    private static final class Node {
        final List<Node> children = new ArrayList<>();
        int min = 1;
        int max = 1;
        boolean counted;
    }

    private NestedRepeats() {
    }

    static Optional<Violation> check(String regex) {
        Deque<Node> groups = new ArrayDeque<>();
        groups.push(new Node());
        Node last = null; // what a following repetition applies to
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            int flagsEnd = flagsOnly(regex, i);
            if (flagsEnd > 0) {
                i = flagsEnd; // (?i) sets flags and is nothing to repeat: a count after it applies to what came before
            } else if (regex.startsWith("\\Q\\E", i)) {
                i += 4; // an empty quote, likewise
            } else if (c == '(') {
                Node group = new Node();
                groups.peek().children.add(group);
                groups.push(group);
                last = null;
                i++;
            } else if (c == ')') {
                last = groups.size() > 1 ? groups.pop() : null;
                i++;
            } else if (c == '|') {
                last = null;
                i++;
            } else if (c == '{' && last != null) {
                Matcher m = COUNT.matcher(regex).region(i, regex.length());
                if (!m.lookingAt()) {
                    last = atom(groups);
                    i++;
                    continue;
                }
                Node repeated = last;
                if (repeated.counted) { // x{2}{3}: Go refuses it anyway; count it as nested here
                    Node wrap = new Node();
                    List<Node> siblings = groups.peek().children;
                    siblings.set(siblings.lastIndexOf(repeated), wrap);
                    wrap.children.add(repeated);
                    repeated = wrap;
                }
                repeated.counted = true;
                repeated.min = bounded(m.group(1));
                repeated.max = m.group(2) == null ? repeated.min : m.group(3) == null ? -1 : bounded(m.group(3));
                if ((repeated.min >= 2 || repeated.max >= 2) && !valid(repeated, LIMIT)) {
                    return Optional.of(new Violation(m.group(), i));
                }
                last = repeated;
                i = m.end();
            } else if (c == '*' || c == '+' || c == '?') {
                i++; // not counted: Go's limit is on {n,m} only
            } else {
                i = skipAtom(regex, i);
                last = atom(groups);
            }
        }
        return Optional.empty();
    }

    /** The index after a flags-only group such as {@code (?i)} or {@code (?-s)} at {@code i}, or -1. */
    private static int flagsOnly(String regex, int i) {
        if (!regex.startsWith("(?", i)) {
            return -1;
        }
        int j = i + 2;
        while (j < regex.length() && (Character.isLetter(regex.charAt(j)) || regex.charAt(j) == '-')) {
            j++;
        }
        return j > i + 2 && j < regex.length() && regex.charAt(j) == ')' ? j + 1 : -1;
    }

    private static Node atom(Deque<Node> groups) {
        Node atom = new Node();
        groups.peek().children.add(atom);
        return atom;
    }

    /** A count, capped so that a huge one cannot overflow (RE2 refuses counts above 1000 on its own). */
    private static int bounded(String digits) {
        return digits.length() > 6 ? LIMIT + 1 : Integer.parseInt(digits);
    }

    /** Go's repeatIsValid: at most {@code n} copies of the innermost thing under {@code node}. */
    private static boolean valid(Node node, int n) {
        if (node.counted) {
            int m = node.max < 0 ? node.min : node.max;
            if (node.max == 0) {
                return true;
            }
            if (m > n) {
                return false;
            }
            if (m > 0) {
                n /= m;
            }
        }
        for (Node child : node.children) {
            if (!valid(child, n)) {
                return false;
            }
        }
        return true;
    }

    /** The index after the atom at {@code i}: an escape, a class, a quoted run or one character. */
    private static int skipAtom(String regex, int i) {
        char c = regex.charAt(i);
        if (c == '\\' && i + 1 < regex.length()) {
            char e = regex.charAt(i + 1);
            if (e == 'Q') {
                int end = regex.indexOf("\\E", i + 2);
                return end < 0 ? regex.length() : end + 2;
            }
            if ((e == 'p' || e == 'P' || e == 'x') && i + 2 < regex.length() && regex.charAt(i + 2) == '{') {
                int end = regex.indexOf('}', i + 3);
                return end < 0 ? regex.length() : end + 1;
            }
            return i + 2;
        }
        if (c == '[') {
            int j = i + 1;
            if (j < regex.length() && regex.charAt(j) == '^') {
                j++;
            }
            if (j < regex.length() && regex.charAt(j) == ']') {
                j++; // a ']' first in a class is a literal
            }
            while (j < regex.length() && regex.charAt(j) != ']') {
                int posixEnd = regex.startsWith("[:", j) ? regex.indexOf(":]", j + 2) : -1;
                if (posixEnd >= 0) {
                    j = posixEnd + 2;
                } else {
                    j += regex.charAt(j) == '\\' ? 2 : 1;
                }
            }
            return Math.min(regex.length(), j + 1);
        }
        return i + 1;
    }
}
