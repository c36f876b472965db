package dev.kafkasteward.contract.output;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files a generator produced, by path relative to an output folder, in sorted order.
 * Generators build this in memory and only then write it as a whole ({@link OutputFolder}), so a failed build
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

    /** Replaces the set of files a previous build wrote under {@code dir} with these, mode 0644 (see {@link OutputFolder}). */
    public void writeTo(Path dir) {
        new OutputFolder(dir, OutputFolder.DEFAULT_MODE).replaceWith(this);
    }
}
