package dev.kafkasteward.contract.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files a generator produced, by path relative to an output folder, in sorted order.
 * Generators build this in memory and only then write, each file atomically, so a failed build
 * never leaves a half-written rule file or dashboard behind.
 */
public record GeneratedFiles(SortedMap<String, String> files) {

    public GeneratedFiles {
        for (String path : files.keySet()) {
            if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
                throw new IllegalArgumentException("generated path must be relative and inside the output: " + path);
            }
        }
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public static GeneratedFiles of(Map<String, String> files) {
        return new GeneratedFiles(new TreeMap<>(files));
    }

    /** Both sets of files; a path present in both is a programming error. */
    public GeneratedFiles plus(GeneratedFiles other) {
        TreeMap<String, String> all = new TreeMap<>(files);
        other.files.forEach((path, content) -> {
            if (all.putIfAbsent(path, content) != null) {
                throw new IllegalArgumentException("two generators wrote " + path);
            }
        });
        return new GeneratedFiles(all);
    }

    /** These files placed under {@code prefix/}. */
    public GeneratedFiles under(String prefix) {
        TreeMap<String, String> moved = new TreeMap<>();
        files.forEach((path, content) -> moved.put(prefix + "/" + path, content));
        return new GeneratedFiles(moved);
    }

    /**
     * Writes every file under {@code dir}: each to a temporary sibling first, then renamed over
     * the target, so readers (Prometheus, Grafana) never see a partial file.
     */
    public void writeTo(Path dir) {
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path target = dir.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
                try {
                    Files.writeString(tmp, e.getValue(), StandardCharsets.UTF_8);
                    try {
                        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException notAtomic) {
                        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write generated files to " + dir, e);
        }
    }
}
