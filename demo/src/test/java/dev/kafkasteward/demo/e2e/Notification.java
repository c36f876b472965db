package dev.kafkasteward.demo.e2e;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One webhook call from Alertmanager as a team's receiver saw it: which team, when, the group's
 * status ({@code firing} while any of its alerts fires, {@code resolved} once all have) and its alerts.
 */
record Notification(String team, Instant receivedAt, String status, List<Alert> alerts) {

    Notification {
        alerts = List.copyOf(alerts);
    }

    /** One alert in the notification, with its own status. */
    record Alert(String status, Map<String, String> labels) {

        Alert {
            labels = Map.copyOf(labels);
        }

        String name() {
            return labels.getOrDefault("alertname", "");
        }

        boolean firing() {
            return "firing".equals(status);
        }
    }

    boolean resolved() {
        return "resolved".equals(status);
    }

    boolean mentions(String alertname) {
        return alerts.stream().anyMatch(a -> a.name().equals(alertname));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(receivedAt + " " + team + " " + status + ":");
        alerts.forEach(a -> sb.append(" [").append(a.status()).append(' ').append(a.labels()).append(']'));
        return sb.toString();
    }
}
