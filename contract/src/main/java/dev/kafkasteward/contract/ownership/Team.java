package dev.kafkasteward.contract.ownership;

import java.util.List;
import java.util.Optional;

/** A team that owns assets and is alerted about them. */
public record Team(String name, Optional<String> description, List<Receiver> receivers) {

    public Team {
        receivers = List.copyOf(receivers);
    }
}
