package dev.kafkasteward.demo.stack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the Prometheus and Alertmanager binaries are. Debian names Alertmanager
 * {@code prometheus-alertmanager}; upstream tarballs call it {@code alertmanager}; both are accepted.
 */
public record StackBinaries(Path prometheus, Path alertmanager) {

    /** Prometheus' binary names, in the order they are looked up. */
    public static final String[] PROMETHEUS = {"prometheus"};
    /** Alertmanager's binary names: upstream first, then Debian's. */
    public static final String[] ALERTMANAGER = {"alertmanager", "prometheus-alertmanager"};

    /** How to get both, for people who have neither. */
    public static final String INSTALL_HINT = "apt-get install prometheus prometheus-alertmanager"
            + " (or put the upstream 'prometheus' and 'alertmanager' binaries on PATH)";

    /** Both binaries from PATH, or empty when either is missing. */
    public static Optional<StackBinaries> onPath() {
        Optional<Path> prometheus = find(PROMETHEUS);
        Optional<Path> alertmanager = find(ALERTMANAGER);
        return prometheus.isPresent() && alertmanager.isPresent()
                ? Optional.of(new StackBinaries(prometheus.get(), alertmanager.get()))
                : Optional.empty();
    }

    /** The first of {@code names} that is an executable on PATH. */
    public static Optional<Path> find(String... names) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : names) {
            Optional<Path> found = Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                    .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
