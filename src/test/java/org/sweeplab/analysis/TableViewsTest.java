package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Seals the Tablesaw views that notebooks see ({@code toTable()}, {@code RankingResult.table()} and
 * {@code overall()}, the status breakdown, {@code Runs.table()}): each table's name, its columns'
 * names and Tablesaw types, and its cells, against src/test/resources/golden/table-views.txt. The
 * golden file was written by the code that built these tables directly with Tablesaw, before the
 * results got their own tabular value; to change a view on purpose, run with
 * -Dsweeplab.updateGolden=true and review the diff.
 */
class TableViewsTest {
  /** The rows shown cell by cell; the rest are sealed by a digest. */
  private static final int SHOWN = 12;

  @Test
  void theViewsOfEveryResultAreTheTablesTheyWere() throws IOException {
    Runs runs = Runs.read(Path.of("data/examples/results/tournament"));
    StringBuilder out = new StringBuilder();
    AnalysisResult r = Analysis.of(runs).withMetric("score").run();
    dump(r.statusBreakdown().toTable(), out);
    dump(r.statistics().toTable(), out);
    dump(r.ranking().table(), out);
    dump(r.ranking().overall(), out);
    dump(r.costEfficiency().toTable(), out);
    Patterns.Result p = r.patterns();
    for (TabularResult part :
        List.of(
            p.failureModes(),
            p.successFactors(),
            p.failureRules(),
            p.mainEffects(),
            p.interactions(),
            p.failureClusters())) {
      dump(part.toTable(), out);
    }
    // Typed key columns (text, long, integer, boolean with missing cells), groups without ok runs,
    // a bootstrap, lower is better.
    Runs byTwo = runs.withGroups("strategy", "tick_budget", "replicate", "win");
    AnalysisResult two =
        Analysis.of(byTwo)
            .withMetric("ticks_used")
            .withDirection(Direction.LOWER_IS_BETTER)
            .withTestKind(TestKind.RANK)
            .withStatistics(
                VariationStatistics.withDefaults().withBootstrap(BootstrapStatistic.MEAN, 200, 3))
            .run();
    dump(two.statistics().toTable(), out);
    dump(two.ranking().table(), out);
    dump(two.ranking().overall(), out);
    dump(two.costEfficiency().toTable(), out);
    RaceResult race =
        RacePolicy.on("score").withReplicates(2, 5).replay(runs, Analysis.variationIds(runs));
    dump(race.toTable(), out);
    dump(race.standings(), out);
    SensitivityFixtures.Evaluated morris =
        SensitivityFixtures.evaluate(
            SensitivityFixtures.sobolG("{type: morris, trajectories: 12, levels: 4}"),
            v -> SensitivityFixtures.num(v, "x1") + 2 * SensitivityFixtures.num(v, "x2"));
    dump(Sensitivity.morris(morris.runs(), "y", morris.layout()).toTable(), out);
    SensitivityFixtures.Evaluated sobol =
        SensitivityFixtures.evaluate(
            SensitivityFixtures.ishigami("{type: saltelli, samples: 64}"),
            v -> SensitivityFixtures.num(v, "x1") * SensitivityFixtures.num(v, "x2"));
    SobolResult s = Sensitivity.sobol(sobol.runs(), "y", sobol.layout());
    dump(s.toTable(), out);
    dump(s.convergenceTable(), out);
    dump(runs.table(), out);

    Path golden = Path.of("src/test/resources/golden/table-views.txt");
    if (Boolean.getBoolean("sweeplab.updateGolden")) {
      Files.writeString(golden, out, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), out.toString());
  }

  /** The table as text: name, columns with their types, the first rows, a digest of every row. */
  static void dump(Table t, StringBuilder out) {
    out.append("== ").append(t.name()).append(" (").append(t.rowCount()).append(" rows)\n");
    for (Column<?> c : t.columns()) {
      out.append(c.name()).append(':').append(c.getClass().getSimpleName()).append(' ');
    }
    out.append('\n');
    MessageDigest digest = sha256();
    for (int i = 0; i < t.rowCount(); i++) {
      StringBuilder row = new StringBuilder();
      for (Column<?> c : t.columns()) {
        row.append(c.isMissing(i) ? "<missing>" : String.valueOf(c.get(i))).append(" | ");
      }
      if (i < SHOWN) {
        out.append(row).append('\n');
      }
      digest.update(row.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    }
    out.append("sha256 ").append(HexFormat.of().formatHex(digest.digest())).append("\n\n");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
