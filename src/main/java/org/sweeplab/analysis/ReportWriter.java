package org.sweeplab.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sweeplab.results.ResultsContract;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes an {@link AnalysisResult} as files: report.md, variation-statistics.csv, variation-statistics.json,
 * ranking.csv, cost-efficiency.csv (with a cost column) and patterns.json. JSON holds one object per row; NaN and
 * missing values are null. Internal; {@link Analysis#writeReport} calls it.
 */
final class ReportWriter {
  static final int MAX_ROWS = 20;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportWriter() {}

  static void write(AnalysisResult r, Path dir, List<FigureLink> figures) {
    writeData(r, dir);
    writeMarkdown(r, dir, figures);
  }

  /** Writes every file but report.md (the CSV and JSON files), creating dir. */
  static void writeData(AnalysisResult r, Path dir) {
    try {
      Files.createDirectories(dir);
      Table statistics = r.statistics().toTable();
      csv(statistics, dir.resolve("variation-statistics.csv"));
      JSON.writeValue(dir.resolve("variation-statistics.json").toFile(), rows(statistics));
      csv(r.ranking().table(), dir.resolve("ranking.csv"));
      if (r.race() != null) {
        csv(r.race().standings(), dir.resolve("race.csv"));
      }
      if (r.costEfficiency() != null) {
        csv(r.costEfficiency().toTable(), dir.resolve("cost-efficiency.csv"));
      }
      Map<String, Object> patterns = new LinkedHashMap<>();
      if (r.patterns() != null) {
        Patterns.Result p = r.patterns();
        patterns.put("failure_modes", rows(p.failureModes().toTable()));
        patterns.put("success_factors", rows(p.successFactors().toTable()));
        patterns.put("failure_rules", rows(p.failureRules().toTable()));
        patterns.put("main_effects", rows(p.mainEffects().toTable()));
        patterns.put("interactions", rows(p.interactions().toTable()));
        patterns.put("failure_clusters", rows(p.failureClusters().toTable()));
      }
      patterns.put("warnings", r.warnings());
      JSON.writeValue(dir.resolve("patterns.json").toFile(), patterns);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the analysis to " + dir, e);
    }
  }

  /** Writes report.md, linking these figures, creating dir. */
  static void writeMarkdown(AnalysisResult r, Path dir, List<FigureLink> figures) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("report.md"), markdown(r, figures), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the analysis to " + dir, e);
    }
  }

  /** Writes a table as CSV, as every analysis file is written. */
  static void csvFile(Table t, Path file) throws IOException {
    csv(t, file);
  }

  private static void csv(Table t, Path file) throws IOException {
    try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(String.join(",", t.columnNames().stream().map(ReportWriter::quote).toList()));
      w.write('\n');
      for (int i = 0; i < t.rowCount(); i++) {
        List<String> cells = new ArrayList<>();
        for (Column<?> c : t.columns()) {
          cells.add(quote(cell(c, i)));
        }
        w.write(String.join(",", cells));
        w.write('\n');
      }
    }
  }

  /** @return the cell as text: empty when missing or NaN, numbers in full precision */
  static String cell(Column<?> c, int i) {
    if (c.isMissing(i)) {
      return "";
    }
    if (c instanceof NumericColumn<?> n) {
      double x = n.getDouble(i);
      if (Double.isNaN(x)) {
        return "";
      }
      return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
    return c.getUnformattedString(i);
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  static List<Map<String, Object>> rows(Table t) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (Column<?> c : t.columns()) {
        Object v = c.isMissing(i) ? null : c.get(i);
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
          v = null;
        }
        row.put(c.name(), v);
      }
      out.add(row);
    }
    return out;
  }

  static String markdown(AnalysisResult r, List<FigureLink> figures) {
    StringBuilder b = new StringBuilder();
    Runs runs = r.runs();
    b.append("# Analysis of ").append(runs.name()).append("\n\n");
    b.append("## Overview\n\n");
    b.append(String.format(Locale.ROOT, "- %d runs in %d groups (by %s)%n- metric: `%s`, %s%n", runs.rowCount(),
        r.statistics().size(), String.join(", ", runs.groups()), r.metric(),
        r.direction() == Direction.HIGHER_IS_BETTER ? "higher is better" : "lower is better"));
    b.append("- parameters: ").append(runs.parameters().isEmpty() ? "none" : String.join(", ", runs.parameters()))
        .append("\n");
    Table rank = r.ranking().table();
    Map<String, String> params = parameterLabels(runs);
    if (rank.rowCount() > 0 && !rank.intColumn("rank").isMissing(0)) {
      String best = label(rank, runs.groups(), 0);
      b.append("- best: **").append(best).append("**")
          .append(params.containsKey(best) ? " (" + params.get(best) + ")" : "").append(", mean ")
          .append(Ranking.fmt(rank.doubleColumn("mean").getDouble(0))).append(", ")
          .append(rank.intColumn("rank_group").asList().stream().filter(g -> g != null && g == 1).count())
          .append(" group(s) in its rank group\n");
    }
    b.append("\n## Status breakdown\n\n").append(table(r.statusBreakdown()));
    b.append("\n## Statistics by group\n\n").append("Metric statistics over ok runs; success rate over all runs"
        + " with its Wilson 95% interval. Full table: `variation-statistics.csv`.\n\n");
    Table statistics = r.statistics().toTable();
    b.append(table(withParameters(statistics.selectColumns(columns(statistics, runs.groups(), "runs",
        "ok_runs", "success_rate", "n", "mean", "mean_ci_low", "mean_ci_high", "sd", "median")), params)));
    b.append("\n## Ranking\n\n");
    Table o = r.ranking().overall();
    b.append(String.format(Locale.ROOT, "Overall test: %s, statistic %s, p = %s, %s %s. Comparisons with the best"
        + " are %s; p-values Holm-adjusted over them, distinguishable at %s. Full table: `ranking.csv`.%n%n",
        o.stringColumn("test").get(0),
        Ranking.fmt(o.doubleColumn("statistic").getDouble(0)), Ranking.fmt(o.doubleColumn("p_value").getDouble(0)),
        o.stringColumn("effect_kind").get(0), Ranking.fmt(o.doubleColumn("effect_size").getDouble(0)),
        r.ranking().paired() ? "paired by seed" : "unpaired", Ranking.alpha(r.ranking().alpha())));
    b.append(table(withParameters(rank.selectColumns(columns(rank, runs.groups(), "rank", "n", "mean", "ci_low",
        "ci_high", "p_holm", "distinguishable_from_best", "effect_size", "hedges_g", "rank_group")), params)));
    if (!r.ranking().advice().isEmpty()) {
      b.append("\n").append(r.ranking().advice()).append("\n");
    }
    if (r.race() != null) {
      b.append(RaceSection.markdown(r.race()));
    }
    b.append("\n## Cost efficiency\n\n");
    if (r.costEfficiency() == null) {
      b.append("No cost column.\n");
    } else {
      b.append("Ranked by cost per successful run; `pareto_front` marks groups no other beats on both metric and"
          + " cost. Full table: `cost-efficiency.csv`.\n\n");
      Table cost = r.costEfficiency().toTable();
      b.append(table(cost.selectColumns(columns(cost, runs.groups(), "efficiency_rank",
          "total_cost", "mean_cost_per_run", "cost_per_ok_run", "metric_mean", "metric_per_cost", "pareto_front"))));
    }
    b.append("\n## Patterns\n\n");
    if (r.patterns() == null) {
      b.append("No parameter columns.\n");
    } else {
      Patterns.Result p = r.patterns();
      int k = runs.parameters().size();
      b.append("### Failure rules\n\n")
          .append(bullets(p.failureRules().rows().stream().map(FailureRulesResult.Row::description).toList()));
      b.append("\n### Failure modes (levels that raise failure)\n\n").append("`p_holm`: Holm over every level and"
          + " pair of levels tested (one family with the success factors).\n\n")
          .append(table(p.failureModes().toTable()));
      b.append("\n### Success factors (levels that raise success)\n\n").append(table(p.successFactors().toTable()));
      b.append("\n### Main effects on ").append(r.metric()).append("\n\n").append(String.format(Locale.ROOT,
          "`p_holm`: Holm over the %d parameters. `failure_rate_p_holm`: chi-square test of the failure rate across"
          + " the levels, Holm over the parameters (one family).%n%n", k)).append(table(p.mainEffects().toTable()));
      b.append("\n### Strongest interactions\n\n").append(String.format(Locale.ROOT, "Sequential (type I) two-way"
          + " ANOVA; `p_holm`: Holm over all %d pairs of parameters (one family).%n%n", k * (k - 1) / 2))
          .append(table(p.interactions().toTable()));
      b.append("\n### Failure clusters\n\n").append("A level is over-represented in a cluster when its share there is"
          + " at least 1.5 times its share of all runs and its Fisher (or chi-square) p, Holm-adjusted over every"
          + " cluster and level (one family), is below 0.05.\n\n").append(table(p.failureClusters().toTable()
          .selectColumns("cluster", "count", "share_of_failures", "over_represented")));
    }
    b.append("\n## Warnings\n\n");
    if (r.warnings().isEmpty()) {
      b.append("None.\n");
    }
    for (String w : r.warnings()) {
      b.append("- ").append(w).append("\n");
    }
    if (!figures.isEmpty()) {
      b.append("\n## Figures\n\n");
      for (FigureLink f : figures) {
        b.append("![").append(f.title()).append("](").append(f.path()).append(")\n\n");
      }
    }
    b.append("\n## Methods and assumptions\n\n").append(METHODS);
    return b.toString();
  }

  private static final String METHODS = """
      - Runs whose status is not the ok value are counted in runs and success rates but excluded from metric
        statistics. NaN or empty metric values of ok runs follow the NaN policy (default: excluded, counted in
        `nan_count`).
      - Success rate intervals: Wilson score, 95%. Mean intervals: Student t, 95%, which assumes the mean is roughly
        normal (true for moderate n). Quantiles: linear interpolation (type 7).
      - Ranking: groups ordered by mean; each compared with the best by Welch's t (or Mann-Whitney U); paired t (or
        Wilcoxon signed-rank, zero differences dropped as in R) when the seeds shared with the best cover at least
        half of each group's own runs; p-values Holm-adjusted over the comparisons with the best. Effect size:
        Cohen's d with Hedges' g beside it (or Cliff's delta). Rank groups: groups not distinguishable from a
        group's leader share its group. Overall: one-way ANOVA (eta squared) or Kruskal-Wallis (epsilon squared);
        when paired, blocked by seed: two-way ANOVA y ~ seed + group (partial eta squared) or Friedman over the
        seeds every group holds (Kendall's W). The replicate advice is a normal approximation of the power of the
        comparison of the best with the runner-up, from their observed spread.
      - Cost efficiency: empty costs count as zero; the Pareto front is over the metric mean and mean cost per run.
      - Patterns: failure rates per level and pair of levels tested with Fisher's exact test (chi-square for large
        counts), Holm-adjusted; failure rules are exhaustive one- and two-condition boxes scored by the harmonic mean
        of density and coverage; main effects by one-way ANOVA per parameter; interactions by sequential (type I)
        two-way ANOVA, as R's anova(lm(y ~ A * B)); error messages clustered after replacing numbers, paths, ids and
        hashes. Holm families: failure modes and success factors together; main effects; the failure-rate
        chi-squares; interactions; cluster over-representation. Pattern p-values screen many hypotheses: confirm a
        finding with a new sweep.
      - Survivorship: when a parameter's levels fail at different rates, the ok runs of each level are a different
        selection. Within each combination of the other parameters, the ok runs of the level that fails least
        estimate a common distribution; failing only the lowest (or highest) runs of it at each level's failure rate
        implies each level's mean. When no level differs from its implied mean (Welch-Satterthwaite t over the
        strata, Holm over the levels), the difference is reported as possible selection, never as an effect.
      """;

  private static String[] columns(Table t, List<String> groups, String... names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (n.equals("rank") || n.equals("efficiency_rank")) {
        out.add(n);
      }
    }
    out.addAll(groups);
    for (String n : names) {
      if (!out.contains(n) && t.columnNames().contains(n)) {
        out.add(n);
      }
    }
    return out.toArray(String[]::new);
  }

  /**
   * When runs are grouped by variation id, each variation's parameter values ("strategy=mcts, world=maze"), so the
   * report says what var-0135 is; empty otherwise.
   */
  private static Map<String, String> parameterLabels(Runs runs) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!runs.groups().equals(List.of(ResultsContract.VARIATION_ID))) {
      return out;
    }
    List<String> names = runs.parameters();
    runs.parameterValuesByVariation().forEach((id, values) -> {
      List<String> parts = new ArrayList<>();
      for (int p = 0; p < names.size(); p++) {
        parts.add(names.get(p) + "=" + values.get(p));
      }
      out.put(id, String.join(", ", parts));
    });
    return out;
  }

  /** The table with a {@code parameters} column after the variation id, when there are labels for it. */
  private static Table withParameters(Table t, Map<String, String> labels) {
    if (labels.isEmpty() || !t.columnNames().contains(ResultsContract.VARIATION_ID)) {
      return t;
    }
    Table copy = t.copy();
    Column<?> id = copy.column(ResultsContract.VARIATION_ID);
    tech.tablesaw.api.StringColumn p = tech.tablesaw.api.StringColumn.create("parameters");
    for (int i = 0; i < copy.rowCount(); i++) {
      p.append(labels.getOrDefault(id.getString(i), ""));
    }
    copy.insertColumn(copy.columnIndex(ResultsContract.VARIATION_ID) + 1, p);
    return copy;
  }

  private static String label(Table t, List<String> groups, int row) {
    return String.join(", ", groups.stream().map(g -> cell(t.column(g), row)).toList());
  }

  private static String bullets(List<String> lines) {
    if (lines.isEmpty()) {
      return "None found.\n";
    }
    StringBuilder b = new StringBuilder();
    for (String line : lines) {
      b.append("- ").append(line).append("\n");
    }
    return b.toString();
  }

  /** @return the first {@value #MAX_ROWS} rows as a markdown table, numbers to 4 significant digits */
  static String table(Table t) {
    if (t.rowCount() == 0) {
      return "None.\n";
    }
    StringBuilder b = new StringBuilder("| ").append(String.join(" | ", t.columnNames())).append(" |\n|");
    b.append(" --- |".repeat(t.columnCount())).append("\n");
    int n = Math.min(MAX_ROWS, t.rowCount());
    for (int i = 0; i < n; i++) {
      b.append("|");
      for (Column<?> c : t.columns()) {
        String s = c instanceof NumericColumn<?> num && !c.isMissing(i) && !Double.isNaN(num.getDouble(i))
            && num.getDouble(i) != Math.rint(num.getDouble(i)) ? Ranking.fmt(num.getDouble(i)) : cell(c, i);
        b.append(' ').append(s.replace("|", "\\|")).append(" |");
      }
      b.append("\n");
    }
    if (t.rowCount() > n) {
      b.append(String.format(Locale.ROOT, "%n%d more rows in the CSV/JSON files.%n", t.rowCount() - n));
    }
    return b.toString();
  }
}
