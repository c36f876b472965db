package dev.kafkasteward.contract.ownership;

import java.util.Optional;

/**
 * What an entry changes about one alert for its own assets ({@code alerts:} in ownership.yml): turn it off,
 * or page with another severity than its tier gives it.
 *
 * @param enabled  false: the entry's assets never raise this alert
 * @param severity the severity to page with instead of the one the tier gives
 */
public record AlertOverride(boolean enabled, Optional<Severity> severity) {
}
