package dev.kafkasteward.rules.signal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Links from alerts into the Grafana dashboards the grafana module generates. The uid rule mirrors
 * the grafana module's {@code DashboardUid} ({@code ks-<kind>-<cluster>}, or a slug plus a hash
 * when the cluster name does not fit); it belongs in contract so both modules share one copy.
 */
public final class DashboardLinks {

    private static final int MAX_UID_LENGTH = 40;
    private static final int HASH_CHARS = 8;

    private DashboardLinks() {
    }

    /** The overview dashboard of {@code cluster}, filtered to {@code team}. */
    public static String overview(String baseUrl, String cluster, String team) {
        return baseUrl + "/d/" + uid("overview", cluster) + "?var-cluster=" + query(cluster) + "&var-team=" + query(team);
    }

    static String uid(String kind, String cluster) {
        String prefix = "ks-" + kind + "-";
        String slug = cluster.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        if (slug.equals(cluster) && prefix.length() + slug.length() <= MAX_UID_LENGTH) {
            return prefix + slug;
        }
        int room = MAX_UID_LENGTH - prefix.length() - HASH_CHARS - 1;
        return prefix + slug.substring(0, Math.min(room, slug.length())) + "-" + hash(cluster);
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
