package org.sweeplab.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sweeplab.results.ResultsContract;

/**
 * What an analysis report says, in order, apart from any format: its sections of text, bullet
 * lists, tables and figures. report.md ({@link MarkdownReport}) and report.html ({@link
 * HtmlReport}) are both rendered from it, so they never disagree and nothing is computed twice.
 * Text may hold two kinds of inline markup, {@code `code`} and {@code **bold**}. Tables are whole;
 * each renderer decides how many rows to show.
 *
 * @param title the report's title
 * @param sections the sections in order
 */
public record ReportModel(String title, List<Section> sections) {

  public ReportModel {
    sections = List.copyOf(sections);
  }

  /**
   * A section.
   *
   * @param title its heading
   * @param level 2 for a section, 3 for a subsection
   * @param blocks its content in order, possibly none (a section whose subsections follow)
   */
  public record Section(String title, int level, List<Block> blocks) {
    public Section {
      blocks = List.copyOf(blocks);
    }
  }

  /** One piece of a section. */
  public sealed interface Block permits Text, Bullets, TableBlock, Figures {}

  /** A paragraph. */
  public record Text(String text) implements Block {}

  /** A bullet list; an item may run over lines (continued with two spaces of indent). */
  public record Bullets(List<String> items) implements Block {
    public Bullets {
      items = List.copyOf(items);
    }
  }

  /** A table: every row, numbers unformatted; an empty table reads "None.". */
  public record TableBlock(ResultTable table) implements Block {}

  /** Figures, each a file beside the report. */
  public record Figures(List<FigureLink> figures) implements Block {
    public Figures {
      figures = List.copyOf(figures);
    }
  }

  /**
   * @param extra sections computed beside the analysis (sources of several folders, sensitivity
   *     indices)
   * @return this report with them before its "Warnings" section (at the end without one)
   */
  public ReportModel withSections(List<Section> extra) {
    List<Section> out = new ArrayList<>(sections);
    int at = out.size();
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).level() == 2 && out.get(i).title().equals("Warnings")) {
        at = i;
        break;
      }
    }
    out.addAll(at, extra);
    return new ReportModel(title, out);
  }

  /** The report of an analysis result with these figures (none is fine). */
  public static ReportModel of(AnalysisResult r, List<FigureLink> figures) {
    Runs runs = r.runs();
    List<Section> out = new ArrayList<>();
    Map<String, String> params = parameterLabels(runs);
    ResultTable rank = r.ranking().resultTable();

    List<String> overview = new ArrayList<>();
    overview.add(
        String.format(
            Locale.ROOT,
            "%d runs in %d groups (by %s)",
            runs.rowCount(),
            r.statistics().size(),
            String.join(", ", runs.groups())));
    overview.add(
        String.format(
            Locale.ROOT,
            "metric: `%s`, %s",
            r.metric(),
            r.direction() == Direction.HIGHER_IS_BETTER ? "higher is better" : "lower is better"));
    overview.add(
        "parameters: "
            + (runs.parameters().isEmpty() ? "none" : String.join(", ", runs.parameters())));
    List<RankingResult.Entry> ranked = r.ranking().entries();
    if (!ranked.isEmpty()) {
      String best = label(rank, runs.groups(), 0);
      overview.add(
          "best: **"
              + best
              + "**"
              + (params.containsKey(best) ? " (" + params.get(best) + ")" : "")
              + ", mean "
              + Ranking.fmt(ranked.get(0).mean())
              + ", "
              + ranked.stream().filter(e -> e.rankGroup() == 1).count()
              + " group(s) in its rank group");
    }
    out.add(section("Overview", 2, new Bullets(overview)));
    out.add(section("Status breakdown", 2, new TableBlock(r.statusBreakdown().resultTable())));

    ResultTable statistics = r.statistics().resultTable();
    out.add(
        section(
            "Statistics by group",
            2,
            new Text(
                "Metric statistics over ok runs; success rate over all runs"
                    + " with its Wilson 95% interval. Full table: `variation-statistics.csv`."),
            new TableBlock(
                withParameters(
                    statistics.select(
                        columns(
                            statistics,
                            runs.groups(),
                            "runs",
                            "ok_runs",
                            "success_rate",
                            "n",
                            "mean",
                            "mean_ci_low",
                            "mean_ci_high",
                            "sd",
                            "median")),
                    params))));

    RankingResult.Overall o = r.ranking().overallTest();
    List<Block> ranking =
        new ArrayList<>(
            List.of(
                new Text(
                    String.format(
                        Locale.ROOT,
                        "Overall test: %s, statistic"
                            + " %s, p = %s, %s %s. Comparisons with the best are %s; p-values Holm-adjusted over them, distinguishable at"
                            + " %s. Full table: `ranking.csv`.",
                        o.test(),
                        Ranking.fmt(o.statistic()),
                        Ranking.fmt(o.pValue()),
                        o.effectKind(),
                        Ranking.fmt(o.effectSize()),
                        r.ranking().paired() ? "paired by seed" : "unpaired",
                        Ranking.alpha(r.ranking().alpha()))),
                new TableBlock(
                    withParameters(
                        rank.select(
                            columns(
                                rank,
                                runs.groups(),
                                "rank",
                                "n",
                                "mean",
                                "ci_low",
                                "ci_high",
                                "p_holm",
                                "distinguishable_from_best",
                                "effect_size",
                                "hedges_g",
                                "rank_group")),
                        params))));
    if (!r.ranking().advice().isEmpty()) {
      ranking.add(new Text(r.ranking().advice()));
    }
    out.add(new Section("Ranking", 2, ranking));
    if (r.race() != null) {
      out.add(RaceSection.section(r.race()));
    }

    if (r.costEfficiency() == null) {
      out.add(section("Cost efficiency", 2, new Text("No cost column.")));
    } else {
      ResultTable cost = r.costEfficiency().resultTable();
      out.add(
          section(
              "Cost efficiency",
              2,
              new Text(
                  "Ranked by cost per successful run; `pareto_front` marks groups"
                      + " no other beats on both metric and cost. Full table: `cost-efficiency.csv`."),
              new TableBlock(
                  withParameters(
                      cost.select(
                          columns(
                              cost,
                              runs.groups(),
                              "efficiency_rank",
                              "total_cost",
                              "mean_cost_per_run",
                              "cost_per_ok_run",
                              "metric_mean",
                              "metric_per_cost",
                              "pareto_front")),
                      params))));
    }
    patterns(r, out);

    out.add(
        r.warnings().isEmpty()
            ? section("Warnings", 2, new Text("None."))
            : section("Warnings", 2, new Bullets(r.warnings())));
    if (!figures.isEmpty()) {
      out.add(section("Figures", 2, new Figures(figures)));
    }
    out.add(section("Methods and assumptions", 2, new Bullets(METHODS)));
    return new ReportModel("Analysis of " + runs.name(), out);
  }

  private static void patterns(AnalysisResult r, List<Section> out) {
    if (r.patterns() == null) {
      out.add(section("Patterns", 2, new Text("No parameter columns.")));
      return;
    }
    Patterns.Result p = r.patterns();
    int k = r.runs().parameters().size();
    out.add(new Section("Patterns", 2, List.of()));
    List<String> rules =
        p.failureRules().rows().stream().map(FailureRulesResult.Row::description).toList();
    out.add(
        section(
            "Failure rules", 3, rules.isEmpty() ? new Text("None found.") : new Bullets(rules)));
    out.add(
        section(
            "Failure modes (levels that raise failure)",
            3,
            new Text(
                "`p_holm`: Holm over every level and"
                    + " pair of levels tested (one family with the success factors)."),
            new TableBlock(p.failureModes().resultTable())));
    out.add(
        section(
            "Success factors (levels that raise success)",
            3,
            new TableBlock(p.successFactors().resultTable())));
    out.add(
        section(
            "Main effects on " + r.metric(),
            3,
            new Text(
                String.format(
                    Locale.ROOT,
                    "`p_holm`: Holm over the"
                        + " %d parameters. `failure_rate_p_holm`: chi-square test of the failure rate across the levels, Holm over"
                        + " the parameters (one family).",
                    k)),
            new TableBlock(p.mainEffects().resultTable())));
    out.add(
        section(
            "Strongest interactions",
            3,
            new Text(
                String.format(
                    Locale.ROOT,
                    "Sequential (type I) two-way"
                        + " ANOVA; `p_holm`: Holm over all %d pairs of parameters (one family).",
                    k * (k - 1) / 2)),
            new TableBlock(p.interactions().resultTable())));
    out.add(
        section(
            "Failure clusters",
            3,
            new Text(
                "A level is over-represented in a cluster when its share there is"
                    + " at least 1.5 times its share of all runs and its Fisher (or chi-square) p, Holm-adjusted over every"
                    + " cluster and level (one family), is below 0.05."),
            new TableBlock(
                p.failureClusters()
                    .resultTable()
                    .select("cluster", "count", "share_of_failures", "over_represented"))));
  }

  private static Section section(String title, int level, Block... blocks) {
    return new Section(title, level, List.of(blocks));
  }

  private static final List<String> METHODS =
      List.of(
          """
      Runs whose status is not the ok value are counted in runs and success rates but excluded from metric
        statistics. NaN or empty metric values of ok runs follow the NaN policy (default: excluded, counted in
        `nan_count`).""",
          """
      Success rate intervals: Wilson score, 95%. Mean intervals: Student t, 95%, which assumes the mean is roughly
        normal (true for moderate n). Quantiles: linear interpolation (type 7).""",
          """
      Ranking: groups ordered by mean; each compared with the best by Welch's t (or Mann-Whitney U); paired t (or
        Wilcoxon signed-rank, zero differences dropped as in R) when the seeds shared with the best cover at least
        half of each group's own runs; p-values Holm-adjusted over the comparisons with the best. Effect size:
        Cohen's d with Hedges' g beside it (or Cliff's delta). Rank groups: groups not distinguishable from a
        group's leader share its group. Overall: one-way ANOVA (eta squared) or Kruskal-Wallis (epsilon squared);
        when paired, blocked by seed: two-way ANOVA y ~ seed + group (partial eta squared) or Friedman over the
        seeds every group holds (Kendall's W). The replicate advice is a normal approximation of the power of the
        comparison of the best with the runner-up, from their observed spread.""",
          """
      Cost efficiency: empty costs count as zero; the Pareto front is over the metric mean and mean cost per run.""",
          """
      Patterns: failure rates per level and pair of levels tested with Fisher's exact test (chi-square for large
        counts), Holm-adjusted; failure rules are exhaustive one- and two-condition boxes scored by the harmonic mean
        of density and coverage; main effects by one-way ANOVA per parameter; interactions by sequential (type I)
        two-way ANOVA, as R's anova(lm(y ~ A * B)); error messages clustered after replacing numbers, paths, ids and
        hashes. Holm families: failure modes and success factors together; main effects; the failure-rate
        chi-squares; interactions; cluster over-representation. Pattern p-values screen many hypotheses: confirm a
        finding with a new sweep.""",
          """
      Survivorship: when a parameter's levels fail at different rates, the ok runs of each level are a different
        selection. Within each combination of the other parameters, the ok runs of the level that fails least
        estimate a common distribution; failing only the lowest (or highest) runs of it at each level's failure rate
        implies each level's mean. When no level differs from its implied mean (Welch-Satterthwaite t over the
        strata, Holm over the levels), the difference is reported as possible selection, never as an effect.""");

  private static String[] columns(ResultTable t, List<String> groups, String... names) {
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
   * When runs are grouped by variation id, each variation's parameter values ("strategy=mcts,
   * world=maze"), so the report says what var-0135 is; empty otherwise.
   */
  private static Map<String, String> parameterLabels(Runs runs) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!runs.groups().equals(List.of(ResultsContract.VARIATION_ID))) {
      return out;
    }
    List<String> names = runs.parameters();
    runs.parameterValuesByVariation()
        .forEach(
            (id, values) -> {
              List<String> parts = new ArrayList<>();
              for (int p = 0; p < names.size(); p++) {
                parts.add(names.get(p) + "=" + values.get(p));
              }
              out.put(id, String.join(", ", parts));
            });
    return out;
  }

  /**
   * The table with a {@code parameters} column after the variation id, when there are labels for
   * it.
   */
  private static ResultTable withParameters(ResultTable t, Map<String, String> labels) {
    List<String> names = t.columnNames();
    if (labels.isEmpty() || !names.contains(ResultsContract.VARIATION_ID)) {
      return t;
    }
    ResultTableColumn id = t.column(ResultsContract.VARIATION_ID);
    String[] p = new String[t.rowCount()];
    for (int i = 0; i < p.length; i++) {
      p[i] = labels.getOrDefault(id.shown(i), "");
    }
    return t.withColumn(
        names.indexOf(ResultsContract.VARIATION_ID) + 1, ResultTableColumn.ofText("parameters", p));
  }

  private static String label(ResultTable t, List<String> groups, int row) {
    return String.join(", ", groups.stream().map(g -> TableFiles.cell(t.column(g), row)).toList());
  }
}
