package dev.kafkasteward.exporter.replication;

import java.util.List;
import java.util.OptionalDouble;

/** The KRaft metadata quorum: leader (the active controller), its epoch, voters, and how far each replica lags. */
public record QuorumHealth(int leaderId, long leaderEpoch, int voters, List<ReplicaLag> replicas) {

    public QuorumHealth {
        replicas = List.copyOf(replicas);
    }

    /** Role of a quorum replica: voters elect the leader; observers (brokers) only replicate. */
    public enum Role {
        VOTER, OBSERVER;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * How far one replica is behind the leader.
     *
     * @param records offsets behind the leader's log end
     * @param seconds leader's last-caught-up time minus the replica's, when the leader reports both
     */
    public record ReplicaLag(int id, Role role, long records, OptionalDouble seconds) {
    }
}
