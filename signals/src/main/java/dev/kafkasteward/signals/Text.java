package dev.kafkasteward.signals;

import dev.kafkasteward.signals.promql.TemplateVars;
import java.util.function.Function;

/**
 * An alert's {@code summary} and {@code description}, written once against {@link TemplateVars}
 * and rendered both as Prometheus templates and as the text a promtool test expects.
 */
public record Text(Function<TemplateVars, String> summary, Function<TemplateVars, String> description) {
}
