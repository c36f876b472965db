package dev.kafkasteward.grafana;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Stable dashboard uids: Grafana allows at most 40 characters of {@code [a-zA-Z0-9_-]}. The uid is
 * readable ({@code ks-overview-orders-prod}) when the cluster name fits as is; otherwise a slug is
 * followed by a hash of the full name, so two clusters never share a uid.
 */
final class DashboardUid {

    static final int MAX_LENGTH = 40;
    private static final int HASH_CHARS = 8;

    private DashboardUid() {
    }

    static String of(String kind, String cluster) {
        String prefix = "ks-" + kind + "-";
        String slug = cluster.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        if (slug.equals(cluster) && prefix.length() + slug.length() <= MAX_LENGTH) {
            return prefix + slug;
        }
        int room = MAX_LENGTH - prefix.length() - HASH_CHARS - 1;
        if (room < 1) {
            throw new IllegalArgumentException("dashboard kind too long for a uid: " + kind);
        }
        String shortSlug = slug.substring(0, Math.min(room, slug.length()));
        return prefix + shortSlug + "-" + hash(cluster);
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
