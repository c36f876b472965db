package dev.kafkasteward.contract.catalog;

import java.util.stream.Collectors;

/** The README's metric table, rendered from the catalog so the documentation cannot drift from it. */
public final class MetricTable {

    public static final String BEGIN = "<!-- metric-table:begin (generated from the catalog; see MetricTableTest) -->";
    public static final String END = "<!-- metric-table:end -->";

    private MetricTable() {
    }

    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(BEGIN).append('\n');
        sb.append("| metric | type | unit | labels | source | meaning |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (MetricDef m : MetricCatalog.all()) {
            sb.append("| `").append(m.name()).append("` | ")
                    .append(m.type().name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
                    .append(m.unit().orElse("")).append(" | ")
                    .append(m.labels().stream().map(l -> "`" + l + "`").collect(Collectors.joining(", "))).append(" | ")
                    .append(m.source()).append(" | ")
                    .append(m.help().replace("|", "\\|")).append(" |\n");
        }
        sb.append(END).append('\n');
        return sb.toString();
    }

    public static void main(String[] args) {
        System.out.print(markdown());
    }
}
