package dev.kafkasteward.contract.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File chores of tests. */
public final class TestFiles {

    private TestFiles() {
    }

    /**
     * Deletes {@code dir} and everything under it, deepest first (a link is removed, not followed);
     * nothing to do when it does not exist. A file that cannot be deleted fails the call, so a test
     * never runs on top of stale output.
     */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> deepestFirst;
        try (Stream<Path> paths = Files.walk(dir)) {
            deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Path p : deepestFirst) {
            Files.deleteIfExists(p);
        }
    }
}
