package dev.kafkasteward.exporter.reload;

import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipException;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads ownership.yml when its content changes (or on demand, for SIGHUP) and hands a valid model
 * to the exporter. An invalid file, or a change the exporter refuses, keeps the previous
 * configuration in use; the error goes to the log once per file content (or once per spell of the
 * file being unreadable) and to {@link #state()}.
 * Content, not modification time, decides whether the file changed: Kubernetes ConfigMap volumes
 * swap a symlink, and editors may keep the time.
 */
public final class OwnershipReloader {

    private static final Logger LOG = LoggerFactory.getLogger(OwnershipReloader.class);

    private final Path file;
    private final OwnershipLoader loader;
    private final Consumer<Ownership> apply;
    private byte[] lastDigest; // of the content last tried; null after a failed read
    private volatile ReloadState state = ReloadState.INITIAL;

    /**
     * @param file  the ownership.yml the exporter started with, whose current content is the baseline
     * @param apply takes the new model into use; throws {@link IllegalArgumentException} to refuse it
     */
    public OwnershipReloader(Path file, OwnershipLoader loader, Consumer<Ownership> apply) {
        this.file = file;
        this.loader = loader;
        this.apply = apply;
        this.lastDigest = digest(read().orElse(new byte[0]));
    }

    /** Reloads if the content differs from the last one tried. */
    public synchronized ReloadState checkForChange() {
        return reload(false);
    }

    /** Reloads whether or not the content changed (SIGHUP: "I mean it, look again"). */
    public synchronized ReloadState reloadNow() {
        return reload(true);
    }

    public ReloadState state() {
        return state;
    }

    private ReloadState reload(boolean force) {
        Optional<byte[]> content = read();
        if (content.isEmpty()) {
            if (lastDigest == null && !force) {
                return state; // still unreadable: already counted and logged
            }
            lastDigest = null; // whatever comes back, even the same content, is tried again
            return fail("cannot read " + file + "; the previous configuration stays in use");
        }
        byte[] digest = digest(content.get());
        if (!force && Arrays.equals(digest, lastDigest)) {
            return state;
        }
        lastDigest = digest;
        Ownership next;
        try {
            next = loader.load(file.toString(), content.get());
        } catch (OwnershipException e) {
            return fail("ownership.yml not reloaded, the previous configuration stays in use:\n" + e.getMessage());
        }
        try {
            apply.accept(next);
        } catch (IllegalArgumentException refused) {
            return fail(file + ": not reloaded, the previous configuration stays in use: " + refused.getMessage());
        } catch (RuntimeException e) {
            // Thrown out of a scheduled poll it would end all later polls, silently.
            lastDigest = null; // retried at the next poll, even with the same content
            return fail(file + ": taking it into use failed (" + e + "); retried at the next check");
        }
        state = state.succeeded();
        LOG.info("reloaded {} (cluster {}, {} dead-letter topic entries, {} funnels)", file, next.cluster(),
                next.deadLetterTopics().size(), next.funnels().size());
        return state;
    }

    private ReloadState fail(String message) {
        state = state.failed();
        LOG.warn(message);
        return state;
    }

    /** At most one byte past the loader's limit: enough for it to refuse a huge file by its size. */
    private Optional<byte[]> read() {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return Optional.of(in.readNBytes(OwnershipLoader.MAX_BYTES + 1));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
