package dev.kafkasteward.contract.testing;

/**
 * A server whose port is picked free and bound a moment later can find it taken in between, by another test
 * JVM running side by side (the integration tests run two at a time). Such a start is made again, on fresh
 * ports; any other failure is the test's.
 */
public final class PortRace {

    private static final int ATTEMPTS = 3;

    /** A start that picks its ports itself and releases everything it started when it fails. */
    public interface Start<T> {
        T start() throws Exception;
    }

    private PortRace() {
    }

    public static <T> T retry(Start<T> start) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return start.start();
            } catch (Exception e) {
                if (attempt == ATTEMPTS || !taken(e)) {
                    throw e;
                }
                System.err.println("a port picked free was taken before it was bound; starting again: " + e);
            }
        }
    }

    static boolean taken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }
}
