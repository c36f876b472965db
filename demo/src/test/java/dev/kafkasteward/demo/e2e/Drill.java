package dev.kafkasteward.demo.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One operating drill: break something, expect {@code alertname} (with {@code labels}) at the
 * {@code owner}'s webhook and nowhere else, repair it, expect the resolved notification.
 *
 * @param forbidden notifications that must not arrive anywhere while the drill runs, such as lag
 *                  pages to application teams caused by a broker the platform team owns
 */
record Drill(String name, String alertname, String owner, Map<String, String> labels, Action fault,
             Action recovery, List<Forbidden> forbidden) {

    Drill {
        labels = Map.copyOf(labels);
        forbidden = List.copyOf(forbidden);
    }

    /** A step of a drill; anything it throws fails the drill. */
    interface Action {
        void run() throws Exception;
    }

    /** A kind of notification the drill must not cause, described for the failure message. */
    record Forbidden(String description, Predicate<Notification> matches) {
    }

    static Drill of(String name, String alertname, String owner, Map<String, String> labels, Action fault,
                    Action recovery) {
        return new Drill(name, alertname, owner, labels, fault, recovery, List.of());
    }

    Drill forbidding(String description, Predicate<Notification> matches) {
        List<Forbidden> all = new ArrayList<>(forbidden);
        all.add(new Forbidden(description, matches));
        return new Drill(name, alertname, owner, labels, fault, recovery, all);
    }

    /** Whether {@code alert} is this drill's alert firing. */
    boolean firedBy(Notification.Alert alert) {
        return alert.firing() && alert.name().equals(alertname)
                && labels.entrySet().stream().allMatch(e -> e.getValue().equals(alert.labels().get(e.getKey())));
    }
}
