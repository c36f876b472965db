package dev.kafkasteward.build.operator;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kubernetes' rules for names and labels. Object names made from our own names (rule files,
 * dashboards) are mapped onto them ({@link #objectName}); what a user types is checked instead, and
 * a wrong value is an error that says what was expected.
 */
final class KubernetesNames {

    /** RFC 1123 label: namespaces, Service names, and each part of an object name. */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    /** A ConfigMap or Secret data key. */
    private static final Pattern DATA_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

    private KubernetesNames() {
    }

    /**
     * {@code text} as an object name (an RFC 1123 subdomain without dots, so also a valid label): lower
     * case, every run of other characters a single {@code -}, trimmed to 253 characters. For example
     * {@code Team_Payments.EU} becomes {@code team-payments-eu}.
     */
    static String objectName(String text) {
        String name = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (name.length() > 253) {
            name = name.substring(0, 253).replaceAll("-+$", "");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' has no character a Kubernetes object name may hold");
        }
        return name;
    }

    static boolean isDataKey(String key) {
        return key.length() <= 253 && DATA_KEY.matcher(key).matches();
    }

    /** Why {@code value} is not an RFC 1123 label, naming the option it came from; empty when it is one. */
    static Optional<String> checkLabel(String value, String option) {
        if (value.length() <= 63 && DNS_LABEL.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(option + " '" + value + "': expected a DNS label (at most 63 characters: a-z, 0-9 and"
                + " '-', starting and ending with a letter or digit)");
    }

    /** Why {@code key=value} is not a valid Kubernetes label, naming the option; empty when it is one. */
    static Optional<String> checkLabelPair(String key, String value, String option) {
        String name = key;
        int slash = key.indexOf('/');
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.length() > 253 || !PREFIX.matcher(prefix).matches()) {
                return Optional.of(option + " '" + key + "=" + value + "': the key's prefix must be a DNS subdomain");
            }
        }
        if (name.isEmpty() || name.length() > 63 || !LABEL_NAME.matcher(name).matches()) {
            return Optional.of(option + " '" + key + "=" + value + "': expected a label key of at most 63 characters"
                    + " (letters, digits, '-', '_', '.'), optionally with a DNS prefix and '/'");
        }
        if (value.length() > 63 || !LABEL_VALUE.matcher(value).matches()) {
            return Optional.of(option + " '" + key + "=" + value + "': expected a label value of at most 63"
                    + " characters (letters, digits, '-', '_', '.'), starting and ending with a letter or digit");
        }
        return Optional.empty();
    }
}
