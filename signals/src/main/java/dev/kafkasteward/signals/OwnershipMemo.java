package dev.kafkasteward.signals;

import dev.kafkasteward.contract.ownership.Ownership;
import java.util.function.Function;

/**
 * The last value computed from an ownership, kept by identity (Ownership is immutable), so the
 * rules and the tests of one generation share one computation. Held by the generator's families,
 * never statically: two generators do not share it.
 */
public final class OwnershipMemo<T> {

    private final Function<Ownership, T> compute;
    private Ownership last;
    private T value;

    public OwnershipMemo(Function<Ownership, T> compute) {
        this.compute = compute;
    }

    public synchronized T get(Ownership ownership) {
        if (ownership != last) {
            value = compute.apply(ownership);
            last = ownership;
        }
        return value;
    }
}
