package dev.kafkasteward.demo.stack;

import dev.kafkasteward.contract.testing.ExternalTool;

/** The stack's binaries for a test that cannot run without them. */
public final class RequiredBinaries {

    private RequiredBinaries() {
    }

    /** Prometheus and Alertmanager from PATH: a failure in CI, a loud skip elsewhere ({@link ExternalTool}). */
    public static StackBinaries onPath() {
        return new StackBinaries(ExternalTool.require(StackBinaries.PROMETHEUS),
                ExternalTool.require(StackBinaries.ALERTMANAGER));
    }
}
