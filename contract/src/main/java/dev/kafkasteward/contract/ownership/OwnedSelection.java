package dev.kafkasteward.contract.ownership;

/**
 * An ownership entry that claims resources by name or pattern (topics, consumer groups, dead-letter
 * topics): the first entry in file order whose selector matches a name owns it.
 */
public interface OwnedSelection {

    /** The names or the pattern this entry claims. */
    NameSelector selector();

    /** The team that owns what this entry claims. */
    String owner();

    /** The tier of what this entry claims. */
    String tier();

    /** Teams notified besides the owner, as the entry names them ({@code also_notify}). */
    java.util.List<String> alsoNotify();

    /** What the entry changes about its alerts ({@code alerts:}), by alert name. */
    java.util.Map<String, AlertOverride> alerts();
}
