package dev.kafkasteward.exporter.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnershipReloaderTest {

    /** Edits are made to the example, so each test starts from a file that is known to load. */
    private String valid;

    @TempDir
    Path dir;
    private Path file;
    private final List<Ownership> applied = new ArrayList<>();
    private OwnershipReloader reloader;
    private int failuresLeft = 1;

    @BeforeEach
    void setUp() throws Exception {
        valid = Files.readString(Path.of("../examples/ownership.yml"));
        file = dir.resolve("ownership.yml");
        Files.writeString(file, valid);
        reloader = new OwnershipReloader(file, new OwnershipLoader(), next -> {
            if (next.cluster().equals("refused")) {
                throw new IllegalArgumentException("cluster cannot change");
            }
            if (next.cluster().equals("broken") && failuresLeft-- > 0) {
                throw new IllegalStateException("consumer could not start");
            }
            applied.add(next);
        });
    }

    @Test
    void aFailureTakingItIntoUseIsCountedNotThrownAndRetriedWithTheSameContent() throws Exception {
        Files.writeString(file, valid.replace("cluster: orders-prod", "cluster: broken"));
        assertEquals(new ReloadState(0, 1, false), reloader.checkForChange(), "a poll must not throw");
        assertEquals(new ReloadState(1, 1, true), reloader.checkForChange(), "the same content is tried again");
        assertEquals(1, applied.size());
    }

    @Test
    void anUnchangedFileIsNotReloaded() {
        assertEquals(ReloadState.INITIAL, reloader.checkForChange());
        assertEquals(List.of(), applied);
    }

    @Test
    void aValidChangeIsApplied() throws Exception {
        Files.writeString(file, valid + "\n# a comment is a change of content\n");
        assertEquals(new ReloadState(1, 0, true), reloader.checkForChange());
        assertEquals(1, applied.size());
        assertEquals(new ReloadState(1, 0, true), reloader.checkForChange(), "the same content twice is one reload");
    }

    @Test
    void anInvalidFileKeepsThePreviousConfigurationIsCountedOnceAndRecovers() throws Exception {
        Files.writeString(file, valid.replace("owner: fulfillment", "owner: nobody-we-know"));
        assertEquals(new ReloadState(0, 1, false), reloader.checkForChange());
        assertEquals(new ReloadState(0, 1, false), reloader.checkForChange(), "not retried until the file changes");
        assertEquals(new ReloadState(0, 2, false), reloader.reloadNow(), "SIGHUP retries");
        assertEquals(List.of(), applied);

        Files.writeString(file, valid);
        assertEquals(new ReloadState(1, 2, true), reloader.checkForChange());
        assertEquals(1, applied.size());
    }

    @Test
    void anUnreadableFileIsCountedOnceAndTheSameContentBackRecovers() throws Exception {
        Files.delete(file);
        assertEquals(new ReloadState(0, 1, false), reloader.checkForChange());
        assertEquals(new ReloadState(0, 1, false), reloader.checkForChange(), "one failure per spell, not per poll");

        Files.writeString(file, valid); // back as it was: the configuration in use is valid again
        assertEquals(new ReloadState(1, 1, true), reloader.checkForChange());
        assertEquals(new ReloadState(1, 1, true), reloader.checkForChange());
    }

    @Test
    void aFileOverTheLoadersSizeLimitIsRefused() throws Exception {
        Files.writeString(file, valid + "#".repeat(OwnershipLoader.MAX_BYTES) + "\n");
        assertEquals(new ReloadState(0, 1, false), reloader.checkForChange());
        assertEquals(List.of(), applied);
    }

    @Test
    void aRefusedChangeIsAFailure() throws Exception {
        Files.writeString(file, valid.replace("cluster: orders-prod", "cluster: refused"));
        assertEquals(new ReloadState(0, 1, false), reloader.checkForChange());
        assertEquals(List.of(), applied);
    }

    @Test
    void aMissingFileIsAFailureAndItsReturnIsAReload() throws Exception {
        Files.delete(file);
        assertEquals(new ReloadState(0, 1, false), reloader.checkForChange());
        Files.writeString(file, valid.replace("cluster: orders-prod", "cluster: orders2"));
        assertEquals(new ReloadState(1, 1, true), reloader.checkForChange());
        assertEquals("orders2", applied.get(0).cluster());
    }
}
