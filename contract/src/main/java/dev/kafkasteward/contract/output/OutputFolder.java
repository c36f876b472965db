package dev.kafkasteward.contract.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A folder that holds one generated set of files and is replaced by the next set as a whole:
 * <ol>
 *   <li>every new file is written in full to a staging folder inside it (the slow part; a build that fails or is
 *       killed here leaves the previous set untouched, and the next build removes the leftover staging folder);
 *   <li>each staged file is renamed over its target (atomic per file: readers never see a partial file);
 *   <li>files the previous set had and this one has not are removed, and folders they leave empty. Only files a
 *       previous build wrote are ever removed: each build records its paths in {@value #MANIFEST}.
 * </ol>
 * Files get {@code mode} (0644 by default: Prometheus, Alertmanager and Grafana often run as other users).
 */
public final class OutputFolder {

    /** The list of paths the last build wrote, one per line. */
    public static final String MANIFEST = ".kafka-steward-files";
    public static final Set<PosixFilePermission> DEFAULT_MODE = PosixFilePermissions.fromString("rw-r--r--");
    private static final String STAGING_PREFIX = ".kafka-steward-staging-";

    private final Path dir;
    private final Set<PosixFilePermission> mode;

    public OutputFolder(Path dir, Set<PosixFilePermission> mode) {
        this.dir = dir;
        this.mode = Set.copyOf(mode);
    }

    /** Replaces the folder's previous set with {@code files}. */
    public void replaceWith(GeneratedFiles files) {
        replaceWith(files, () -> { });
    }

    /** {@code staged} runs once every file is staged and before any replaces its target (for tests). */
    void replaceWith(GeneratedFiles files, Runnable staged) {
        try {
            Files.createDirectories(dir);
            removeLeftoverStaging();
            Set<String> previous = readManifest();
            Path staging = Files.createTempDirectory(dir, STAGING_PREFIX);
            try {
                for (Map.Entry<String, String> e : files.files().entrySet()) {
                    write(staging.resolve(e.getKey()), e.getValue());
                }
                staged.run();
                for (String path : files.files().keySet()) {
                    Path target = dir.resolve(path);
                    Files.createDirectories(target.getParent());
                    move(staging.resolve(path), target);
                }
                Path manifest = staging.resolve(MANIFEST);
                write(manifest, String.join("\n", files.files().keySet()) + "\n");
                move(manifest, dir.resolve(MANIFEST));
                for (String path : previous) {
                    if (!files.files().containsKey(path)) {
                        remove(path);
                    }
                }
            } finally {
                deleteTree(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write generated files to " + dir, e);
        }
    }

    private void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, mode); // explicit, whatever the umask
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Set<String> readManifest() throws IOException {
        Path manifest = dir.resolve(MANIFEST);
        Set<String> paths = new TreeSet<>();
        if (Files.isRegularFile(manifest)) {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                // A manifest is ours, but a path that leaves the folder is never acted on.
                if (!line.isBlank() && !line.startsWith("/") && !line.contains("..") && !line.contains("\\")) {
                    paths.add(line);
                }
            }
        }
        return paths;
    }

    /** Removes a file of the previous set, then the folders it leaves empty, up to (not including) the output. */
    private void remove(String path) throws IOException {
        Path file = dir.resolve(path);
        Files.deleteIfExists(file);
        for (Path parent = file.getParent(); parent != null && !parent.equals(dir) && parent.startsWith(dir);
             parent = parent.getParent()) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
                if (entries.iterator().hasNext()) {
                    break;
                }
            }
            Files.delete(parent);
        }
    }

    private void removeLeftoverStaging() throws IOException {
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, STAGING_PREFIX + "*")) {
            entries.forEach(leftovers::add);
        }
        for (Path leftover : leftovers) {
            deleteTree(leftover);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
