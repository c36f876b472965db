package dev.kafkasteward.demo.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The drills' outcome as a Markdown table: drill, alert, receiver, detection and resolve latency. */
final class LatencyTable {

    private final List<DrillResult> rows = new ArrayList<>();

    synchronized void add(DrillResult result) {
        rows.add(result);
    }

    synchronized String render(String footer) {
        StringBuilder sb = new StringBuilder("| Drill | Alert | Receiver | Detection | Resolve |\n")
                .append("|---|---|---|---:|---:|\n");
        for (DrillResult r : rows) {
            sb.append("| ").append(r.drill()).append(" | ").append(r.alert()).append(" | ").append(r.receiver())
                    .append(" | ").append(seconds(r.detection())).append(" | ").append(seconds(r.resolve()))
                    .append(" |\n");
        }
        return sb.append('\n').append(footer).append('\n').toString();
    }

    void write(Path file, String footer) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, "# End-to-end drills: latency\n\n" + render(footer), StandardCharsets.UTF_8);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
