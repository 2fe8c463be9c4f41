package org.sweeplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tech.tablesaw.api.Table;

/**
 * {@code analyze --test/--pairing/--alpha} and {@code compare}, run through the command line. Two
 * arms share seeds 1..6: a = 10.1, 11.3, 9.8, 12.0, 10.7, 11.1 and b = 9.9, 10.6, 9.3, 11.2, 10.4,
 * 10.5 (a - b = 0.2, 0.7, 0.5, 0.8, 0.3, 0.6, all positive and distinct, so every exact test
 * applies). Reference values: scipy 1.10.1 (Debian, /usr/bin/python3) and R 4.2.2, as noted beside
 * each.
 */
class CompareAndTestFlagsTest {

  // scipy 1.10.1: stats.ttest_rel(a, b).pvalue
  static final double PAIRED_T_P = 0.002796587099429113;
  // scipy 1.10.1: stats.ttest_ind(a, b, equal_var=False).pvalue
  static final double WELCH_P = 0.25177612870666555;
  // scipy 1.10.1: stats.mannwhitneyu(a, b, alternative='two-sided', method='exact').pvalue (=
  // 26/84)
  static final double MANN_WHITNEY_P = 0.30952380952380953;
  // exact: all six differences positive, P(W+ = 21) = 1/64 on each side, p = 2/64 (scipy 1.10.1
  // wilcoxon: 0.03125)
  static final double WILCOXON_P = 0.03125;

  @TempDir Path dir;

  record Outcome(int code, String out, String err) {}

  static Outcome run(String... args) {
    var cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  /** Variation A holds the a values, B the b values; A is best (higher is better). */
  private Path twoArms() throws IOException {
    double[] a = {10.1, 11.3, 9.8, 12.0, 10.7, 11.1};
    double[] b = {9.9, 10.6, 9.3, 11.2, 10.4, 10.5};
    StringBuilder csv = new StringBuilder("run_id,variation_id,seed,status,score\n");
    for (int i = 0; i < 6; i++) {
      csv.append(i + 1).append(",A,").append(i + 1).append(",ok,").append(a[i]).append('\n');
      csv.append(i + 7).append(",B,").append(i + 1).append(",ok,").append(b[i]).append('\n');
    }
    Path file = dir.resolve("arms.csv");
    Files.writeString(file, csv);
    return file;
  }

  @ParameterizedTest(name = "[{index}] flags {0}")
  @CsvSource({
    "'',                                        paired_t,             0.002796587099429113, false",
    "'--pairing,unpaired',                      welch_t,              0.25177612870666555,  false",
    "'--pairing,paired',                        paired_t,             0.002796587099429113, false",
    "'--test,mann-whitney,--pairing,unpaired',  mann_whitney_u,       0.30952380952380953,  false",
    "'--test,mann-whitney',                     wilcoxon_signed_rank, 0.03125,              false",
    "'--test,welch',                            paired_t,             0.002796587099429113, false",
    "'--pairing,unpaired,--alpha,0.3',          welch_t,              0.25177612870666555,  true",
    "'--pairing,unpaired,--alpha,0.2',          welch_t,              0.25177612870666555,  false",
    "'--test,mann-whitney,--alpha,0.01',        wilcoxon_signed_rank, 0.03125,              false",
  })
  void analyzeTakesTheTestThePairingAndAlpha(
      String flags, String test, double p, boolean beyondAlpha) throws IOException {
    Path out = dir.resolve("out");
    List<String> args =
        new ArrayList<>(
            List.of("analyze", twoArms().toString(), "--metric", "score", "--out", out.toString()));
    if (!flags.isEmpty()) {
      args.addAll(List.of(flags.split(",")));
    }
    Outcome o = run(args.toArray(new String[0]));
    assertEquals(0, o.code(), o.err());
    Table ranking = Table.read().csv(out.resolve("ranking.csv").toFile());
    assertEquals("A", ranking.column("variation_id").getString(0));
    assertEquals(test, ranking.stringColumn("test").get(1));
    assertEquals(p, ranking.doubleColumn("p_value").getDouble(1), 1e-9 * Math.max(p, 1e-3));
    assertEquals(
        p, ranking.doubleColumn("p_holm").getDouble(1), 1e-9, "one comparison: Holm leaves p");
    boolean dist = Boolean.parseBoolean(ranking.column("distinguishable_from_best").getString(1));
    if (flags.contains("--alpha")) {
      assertEquals(beyondAlpha, dist, "p = " + p + " against " + flags);
    } else {
      assertEquals(p < 0.05, dist, "default alpha 0.05");
    }
  }

  @Test
  void alphaSetsTheIntervalsConfidence() throws IOException {
    Path out = dir.resolve("out");
    assertEquals(
        0,
        run(
                "analyze",
                twoArms().toString(),
                "--metric",
                "score",
                "--alpha",
                "0.1",
                "--out",
                out.toString())
            .code());
    Table stats = Table.read().csv(out.resolve("variation-statistics.csv").toFile());
    // R 4.2.2: t.test(c(10.1, 11.3, 9.8, 12.0, 10.7, 11.1), conf.level = 0.9)$conf.int =
    // 10.16772314 11.49894353
    int a = stats.column("variation_id").asList().indexOf("A");
    assertEquals(10.16772314, stats.doubleColumn("mean_ci_low").getDouble(a), 1e-8);
    assertEquals(11.49894353, stats.doubleColumn("mean_ci_high").getDouble(a), 1e-8);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--test|t-test|Invalid value for option '--test': 't-test' is not a test; use welch or mann-whitney",
        "--pairing|sometimes|Invalid value for option '--pairing'",
        "--alpha|1.5|error: Alpha 1.5 is outside (0, 1)",
      })
  void badFlagValuesAreOneLineUsageErrors(String flag, String value, String message)
      throws IOException {
    Outcome o =
        run("analyze", twoArms().toString(), flag, value, "--out", dir.resolve("out").toString());
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains(message), o.err());
    assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
  }

  /**
   * mcts and minimax on hard: the a and b arms, plus failed runs and easy runs that must be left
   * out.
   */
  private Path tournament() throws IOException {
    double[] a = {10.1, 11.3, 9.8, 12.0, 10.7, 11.1};
    double[] b = {9.9, 10.6, 9.3, 11.2, 10.4, 10.5};
    StringBuilder csv =
        new StringBuilder("run_id,variation_id,strategy,difficulty,seed,status,score\n");
    int id = 1;
    for (int i = 0; i < 6; i++) {
      csv.append(id++)
          .append(",v1,mcts,hard,")
          .append(i + 1)
          .append(",ok,")
          .append(a[i])
          .append('\n');
      csv.append(id++)
          .append(",v2,minimax,hard,")
          .append(i + 1)
          .append(",ok,")
          .append(b[i])
          .append('\n');
      csv.append(id++)
          .append(",v3,mcts,easy,")
          .append(i + 1)
          .append(",ok,")
          .append(50 + i)
          .append('\n');
      csv.append(id++).append(",v4,minimax,hard,").append(i + 101).append(",failed,\n");
    }
    csv.append(id).append(",v1,mcts,hard,7,timeout,\n");
    Path file = dir.resolve("tournament.csv");
    Files.writeString(file, csv);
    return file;
  }

  @Test
  void compareTextGivesDifferenceIntervalTestEffectAndSuccessRates() throws IOException {
    Outcome o =
        run(
            "compare",
            tournament().toString(),
            "--a",
            "strategy=mcts & difficulty=hard",
            "--b",
            "strategy=minimax & difficulty=hard",
            "--metric",
            "score");
    assertEquals(0, o.code(), o.err());
    String t = o.out();
    assertTrue(t.contains("a: strategy = mcts AND difficulty = hard"), t);
    assertTrue(t.contains("runs:          a 7 (6 ok, 85.7%), b 12 (6 ok, 50.0%)"), t);
    // R 4.2.2: fisher.test(matrix(c(6, 6, 1, 6), 2))$p.value = 0.173275383027705
    assertTrue(
        t.contains("success rates: fisher_exact, odds ratio = ") && t.contains(", p = 0.173275"),
        t);
    assertTrue(t.contains("paired by seed"), t);
    // scipy 1.10.1: mean(a - b) = 0.5166666666666666, mean ± t.ppf(0.975, 5) sd / sqrt(6) =
    // 0.27355370166021375,
    // 0.7597796316731195; ttest_rel p = 0.002796587099429113; d_z = mean / sd = 2.23027354439219
    assertTrue(t.contains("difference:    a - b = 0.516667, 95% CI [0.273554, 0.75978]"), t);
    assertTrue(t.contains("test:          paired_t, statistic 5.46303, p = 0.00279659"), t);
    assertTrue(t.contains("effect size:   cohens_d = 2.23027"), t);
  }

  @Test
  void compareJsonIsOneObjectWithEveryNumber() throws IOException {
    Outcome o =
        run(
            "compare",
            tournament().toString(),
            "--a",
            "strategy=mcts & difficulty=hard",
            "--b",
            "strategy=minimax & difficulty=hard",
            "--metric",
            "score",
            "--json",
            "--pairing",
            "unpaired",
            "--alpha",
            "0.05");
    assertEquals(0, o.code(), o.err());
    assertEquals(1, o.out().strip().lines().count(), o.out());
    JsonNode j = new ObjectMapper().readTree(o.out());
    assertEquals("welch_t", j.get("test").asText());
    assertFalse(j.get("paired").asBoolean());
    assertEquals(7, j.get("runs_a").asLong());
    assertEquals(6, j.get("ok_runs_b").asLong());
    assertEquals(6.0 / 7, j.get("success_rate_a").asDouble(), 1e-15);
    // R 4.2.2: fisher.test(matrix(c(6, 6, 1, 6), 2))$p.value = 0.173275383027705
    assertEquals(0.173275383027705, j.get("success_p_value").asDouble(), 1e-12);
    // scipy 1.10.1: ttest_ind(a, b, equal_var=False): t = 1.2198675354168917, p =
    // 0.25177612870666555; Welch
    // interval -0.43307550639109904 .. 1.466408839724434 (df 9.55235994511061); pooled Cohen's d
    // 0.7042908499486276
    assertEquals(1.2198675354168917, j.get("statistic").asDouble(), 1e-9);
    assertEquals(WELCH_P, j.get("p_value").asDouble(), 1e-9);
    assertEquals(-0.43307550639109904, j.get("ci_low").asDouble(), 1e-9);
    assertEquals(1.466408839724434, j.get("ci_high").asDouble(), 1e-9);
    assertEquals(0.7042908499486276, j.get("effect_size").asDouble(), 1e-9);
    assertEquals(0.95, j.get("confidence").asDouble(), 1e-15);
  }

  @ParameterizedTest
  @CsvSource({
    "mann-whitney, unpaired, mann_whitney_u,       0.30952380952380953, 25",
    "mann-whitney, auto,     wilcoxon_signed_rank, 0.03125,             21",
    "welch,        paired,   paired_t,             0.002796587099429113, 5.463032170589353",
  })
  void compareTakesTheTestAndPairing(
      String test, String pairing, String name, double p, double statistic) throws IOException {
    // scipy 1.10.1: mannwhitneyu(a, b, method='exact'): U = 25, p = 0.30952380952380953; the
    // signed-rank sum W+
    // of a - b with all six differences positive is 1 + ... + 6 = 21, p = 2/64 (exact); ttest_rel t
    // = 5.4630...
    Outcome o =
        run(
            "compare",
            tournament().toString(),
            "--a",
            "strategy=mcts&difficulty=hard",
            "--b",
            "strategy = minimax & difficulty = hard",
            "--metric",
            "score",
            "--json",
            "--test",
            test,
            "--pairing",
            pairing);
    assertEquals(0, o.code(), o.err());
    JsonNode j = new ObjectMapper().readTree(o.out());
    assertEquals(name, j.get("test").asText());
    assertEquals(p, j.get("p_value").asDouble(), 1e-9);
    assertEquals(statistic, j.get("statistic").asDouble(), 1e-9);
  }

  @Test
  void compareErrorsNameTheProblem() throws IOException {
    Path csv = tournament();
    Outcome empty =
        run("compare", csv.toString(), "--a", "strategy=mcts", "--b", "strategy=random");
    assertEquals(2, empty.code());
    assertTrue(
        empty.err().startsWith("error: Subset 'strategy = random' holds no runs"), empty.err());
    Outcome bad = run("compare", csv.toString(), "--a", "strategy", "--b", "strategy=minimax");
    assertEquals(2, bad.code());
    assertTrue(
        bad.err()
            .contains("Condition 'strategy' in subset 'strategy' is not of the form column=value"),
        bad.err());
    Outcome missing = run("compare", csv.toString(), "--a", "strategy=mcts");
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("Missing required option: '--b=COND'"), missing.err());
  }

  /**
   * plot ranks with the options of analyze: Welch unpaired p = 0.2518 (scipy 1.10.1) is worse than
   * the best only at alpha 0.3; paired t p = 0.0028 is worse at the default 0.05. Read from the
   * figure's series (its text is drawn as glyph outlines, so the SVG cannot be searched for the
   * legend).
   */
  @ParameterizedTest
  @CsvSource({
    "'--pairing,unpaired', false",
    "'--pairing,unpaired,--alpha,0.3', true",
    "'--pairing,auto', true",
    "'--test,mann-whitney,--pairing,unpaired', false"
  })
  void plotRanksWithTheSameFlags(String flags, boolean worse) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "plot",
                twoArms().toString(),
                "--kind",
                "ranking",
                "--metric",
                "score",
                "--out",
                dir.resolve("r.svg").toString()));
    args.addAll(List.of(flags.split(",")));
    Outcome o = run(args.toArray(new String[0]));
    assertEquals(0, o.code(), o.err());
    var parsed = Main.commandLine().parseArgs(args.toArray(new String[0]));
    PlotCommand plot = (PlotCommand) parsed.subcommand().commandSpec().userObject();
    var chart =
        (org.knowm.xchart.CategoryChart)
            org.sweeplab.figures.QuickFigure.of(org.sweeplab.figures.FigureKind.RANKING)
                .plot(plot.runs.options())
                .chart();
    assertEquals(worse, chart.getSeriesMap().containsKey("worse than best"), flags);
    assertEquals(!worse, chart.getSeriesMap().containsKey("indistinguishable from best"), flags);
  }
}
