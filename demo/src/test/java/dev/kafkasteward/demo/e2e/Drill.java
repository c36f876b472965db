package dev.kafkasteward.demo.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One operating drill: break something, expect {@code alertname} (with {@code labels}) at the
 * {@code owner}'s webhook and at each team that shares the responsibility, and nowhere else, repair it,
 * expect the resolved notification.
 *
 * @param alsoNotified teams that get the page too ({@code also_notify}, {@code shared_responsibility})
 * @param forbidden    notifications that must not arrive anywhere while the drill runs, such as lag
 *                     pages to application teams caused by a broker the platform team owns
 * @param background   alerts that may already be active before the fault (a replica the drill runs without)
 */
record Drill(String name, String alertname, String owner, Map<String, String> labels, Action fault,
             Action recovery, Set<String> alsoNotified, List<Forbidden> forbidden, Set<String> background) {

    Drill {
        labels = Map.copyOf(labels);
        alsoNotified = Set.copyOf(alsoNotified);
        forbidden = List.copyOf(forbidden);
        background = Set.copyOf(background);
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
        return new Drill(name, alertname, owner, labels, fault, recovery, Set.of(), List.of(), Set.of());
    }

    Drill forbidding(String description, Predicate<Notification> matches) {
        List<Forbidden> all = new ArrayList<>(forbidden);
        all.add(new Forbidden(description, matches));
        return new Drill(name, alertname, owner, labels, fault, recovery, alsoNotified, all, background);
    }

    /** The page also reaches {@code teams}, once each. */
    Drill alsoNotifying(String... teams) {
        return new Drill(name, alertname, owner, labels, fault, recovery, Set.of(teams), forbidden, background);
    }

    /** {@code alertnames} may be active before the fault, and stay so. */
    Drill despite(String... alertnames) {
        return new Drill(name, alertname, owner, labels, fault, recovery, alsoNotified, forbidden,
                Set.of(alertnames));
    }

    /** Whether {@code alert} is this drill's alert firing. */
    boolean firedBy(Notification.Alert alert) {
        return alert.firing() && alert.name().equals(alertname)
                && labels.entrySet().stream().allMatch(e -> e.getValue().equals(alert.labels().get(e.getKey())));
    }
}
