package dev.kafkasteward.contract.output;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The uids of the Grafana dashboards Kafka Steward generates, in one place so the dashboards (grafana
 * module) and the alerts that link to them (rules module) cannot disagree.
 *
 * <p>A uid is {@code ks-<kind>-<scope>}: {@code ks-wall-orders-prod}, {@code ks-brokers-orders-prod},
 * {@code ks-funnels-orders-prod}, and {@code ks-team-fulfillment--orders-prod} (team, then cluster, joined by
 * {@code --}). Grafana allows at most 40 characters of {@code [a-zA-Z0-9_-]}. When a name has other characters
 * (upper case, dots), a {@code --} of its own, or the uid would be too long, the uid is a shortened slug
 * followed by a hash of the exact names, so two clusters or teams never share a uid.
 */
public final class DashboardUids {

    /** Grafana's limit on uid length. */
    public static final int MAX_LENGTH = 40;
    private static final int HASH_CHARS = 8;
    /** Parts that can be joined by {@code --} and split back without ambiguity. */
    private static final Pattern READABLE_PART = Pattern.compile("[a-z0-9_]+(?:-[a-z0-9_]+)*");

    private DashboardUids() {
    }

    /** The wall: golden signals of the whole cluster on one screen. */
    public static String wall(String cluster) {
        return of("wall", cluster);
    }

    /** Brokers and JVM: the correlations an operator investigates with. */
    public static String brokers(String cluster) {
        return of("brokers", cluster);
    }

    /** The cluster in change: balance, reassignments, throttles, drain readiness, versions, the change gate. */
    public static String changes(String cluster) {
        return of("changes", cluster);
    }

    /** Business funnels of the cluster. */
    public static String funnels(String cluster) {
        return of("funnels", cluster);
    }

    /** One team's consumer groups, dead letters, funnels and topics. */
    public static String team(String cluster, String team) {
        return of("team", team, cluster);
    }

    /** The path of a dashboard relative to Grafana's root URL, e.g. {@code /d/ks-wall-orders-prod}. */
    public static String path(String uid) {
        return "/d/" + uid;
    }

    private static String of(String kind, String... parts) {
        String prefix = "ks-" + kind + "-";
        List<String> names = List.of(parts);
        String joined = String.join("--", names);
        if (names.stream().allMatch(p -> READABLE_PART.matcher(p).matches())
                && prefix.length() + joined.length() <= MAX_LENGTH) {
            return prefix + joined;
        }
        int room = MAX_LENGTH - prefix.length() - HASH_CHARS - 1;
        String slug = joined.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        return prefix + slug.substring(0, Math.min(room, slug.length())) + "-" + hash(kind + "\0" + String.join("\0", names));
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
