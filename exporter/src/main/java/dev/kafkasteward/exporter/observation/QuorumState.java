package dev.kafkasteward.exporter.observation;

import java.util.List;

/** The KRaft metadata quorum: its leader (the active controller), voters and observers (brokers). */
public record QuorumState(int leaderId, long leaderEpoch, long highWatermark, List<QuorumReplica> voters,
                          List<QuorumReplica> observers) {

    public QuorumState {
        voters = List.copyOf(voters);
        observers = List.copyOf(observers);
    }
}
