package dev.kafkasteward.exporter.reload;

/**
 * What reloading ownership.yml has done so far.
 *
 * @param lastSuccessful false while the last attempt failed and an older configuration is in use
 */
public record ReloadState(long successes, long failures, boolean lastSuccessful) {

    /** Nothing tried yet: the configuration in use is the one the exporter started with. */
    public static final ReloadState INITIAL = new ReloadState(0, 0, true);

    ReloadState succeeded() {
        return new ReloadState(successes + 1, failures, true);
    }

    ReloadState failed() {
        return new ReloadState(successes, failures + 1, false);
    }
}
