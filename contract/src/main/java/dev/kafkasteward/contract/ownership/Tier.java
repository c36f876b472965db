package dev.kafkasteward.contract.ownership;

/**
 * A criticality class: the severity its assets page with, the default thresholds they inherit
 * unless the asset overrides them, and what its topics' configuration must guarantee.
 */
public record Tier(String name, Severity severity, PromDuration lagAgeWarning, PromDuration lagAgeCritical,
                   PromDuration alertFor, Durability durability) {

    /** Without a durability policy. */
    public Tier(String name, Severity severity, PromDuration lagAgeWarning, PromDuration lagAgeCritical,
                PromDuration alertFor) {
        this(name, severity, lagAgeWarning, lagAgeCritical, alertFor, Durability.NONE);
    }

    /**
     * What a tier's topics need to keep their data (seed 000: durability is chosen per workload, and the
     * choice must be explicit). Each part is optional; nothing declared checks nothing.
     *
     * @param minReplicationFactor fewest replicas every partition must have
     * @param minInsyncReplicas    lowest min.insync.replicas the topic may run with
     * @param uncleanElectionOff   unclean.leader.election.enable must be false
     * @param minRetention         shortest retention.ms the topic may have (time-based deletion)
     */
    public record Durability(java.util.Optional<Integer> minReplicationFactor,
                             java.util.Optional<Integer> minInsyncReplicas, boolean uncleanElectionOff,
                             java.util.Optional<PromDuration> minRetention) {

        public static final Durability NONE = new Durability(java.util.Optional.empty(), java.util.Optional.empty(),
                false, java.util.Optional.empty());

        public boolean declared() {
            return !equals(NONE);
        }
    }

    public static final PromDuration DEFAULT_LAG_AGE_WARNING = PromDuration.parse("5m").orElseThrow();
    public static final PromDuration DEFAULT_LAG_AGE_CRITICAL = PromDuration.parse("15m").orElseThrow();
    public static final PromDuration DEFAULT_FOR = PromDuration.parse("2m").orElseThrow();
}
