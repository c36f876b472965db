package dev.kafkasteward.demo.e2e;

import java.time.Duration;

/**
 * What a drill measured: who was paged for which alert, how long from the fault to the page
 * (detection) and from the repair to the resolved notification (resolve).
 */
record DrillResult(String drill, String alert, String receiver, Duration detection, Duration resolve) {
}
