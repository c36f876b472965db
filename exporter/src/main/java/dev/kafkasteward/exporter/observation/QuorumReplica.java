package dev.kafkasteward.exporter.observation;

import java.util.OptionalLong;

/**
 * One replica of the KRaft metadata log as the quorum leader sees it.
 *
 * @param id             node id
 * @param logEndOffset   its metadata log end offset
 * @param lastCaughtUpMs leader-clock epoch ms when it last caught up, when the leader knows
 */
public record QuorumReplica(int id, long logEndOffset, OptionalLong lastCaughtUpMs) {
}
