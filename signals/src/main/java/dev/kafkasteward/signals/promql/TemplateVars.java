package dev.kafkasteward.signals.promql;

import java.util.Map;

/**
 * What an annotation may refer to: a label of the alert and its value. An annotation is written
 * once, as a function of these, and rendered twice: as a Prometheus template for the rule, and
 * expanded for the promtool test that states the exact text the alert must carry.
 */
public interface TemplateVars {

    /** The alert's label {@code name}. */
    String label(String name);

    /** The alert's value in {@code unit}'s human form. */
    String value(ValueUnit unit);

    /**
     * Text from ownership.yml (a stage name, a source topic), printed as written: in a Prometheus template a
     * {@code {{} would start template code, so it becomes an action that prints it (as does a {@code {} at the end,
     * which would make one with whatever the template has next).
     */
    default String text(String literal) {
        return literal;
    }

    /** Renders Prometheus template actions, e.g. {@code {{ $labels.group }}}. */
    static TemplateVars prometheus() {
        return new TemplateVars() {
            @Override
            public String label(String name) {
                return "{{ $labels." + name + " }}";
            }

            @Override
            public String value(ValueUnit unit) {
                return "{{ $value | " + unit.templateFunction() + " }}";
            }

            @Override
            public String text(String literal) {
                String escaped = literal.replace("{{", "{{ \"{{\" }}");
                // A '{' at the end would make a '{{' with an action written right after the text.
                return escaped.endsWith("{") ? escaped.substring(0, escaped.length() - 1) + "{{ \"{\" }}" : escaped;
            }
        };
    }

    /** Renders what Prometheus would expand the template to for these labels and value. */
    static TemplateVars expanded(Map<String, String> labels, double value) {
        return new TemplateVars() {
            @Override
            public String label(String name) {
                String v = labels.get(name);
                if (v == null) {
                    throw new IllegalArgumentException("annotation refers to missing label " + name);
                }
                return v;
            }

            @Override
            public String value(ValueUnit unit) {
                return unit.format(value);
            }
        };
    }
}
