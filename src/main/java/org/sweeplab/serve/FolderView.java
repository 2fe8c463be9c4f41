package org.sweeplab.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sweeplab.analysis.Ranking;
import org.sweeplab.analysis.RankingResult;
import org.sweeplab.analysis.Runs;
import org.sweeplab.figures.FigureKind;
import org.sweeplab.figures.QuickFigure;
import org.sweeplab.results.ResultsContract;
import org.sweeplab.run.RunStatus;
import org.sweeplab.store.JournalTail;

/**
 * One served folder: its journal followed incrementally ({@link JournalTail}), and a ranking and
 * figures drawn by the analysis and figure code, at most every {@link #ANALYSIS_EVERY_NANOS} while
 * the journal grows. A finished folder (results.csv and summary.json written) is ranked from its
 * results as {@code analyze} ranks it; a running one from the runs journalled so far. Any failure
 * becomes an error of this folder's view, never of the server.
 */
final class FolderView {
  static final long ANALYSIS_EVERY_NANOS = 5_000_000_000L;
  static final List<FigureKind> FIGURES = List.of(FigureKind.RANKING, FigureKind.BOX);

  private final Path dir;
  private JournalTail tail;
  private long analysedLines = -1;
  private long analysedAt;
  private FileTime analysedResults;
  private Map<String, Object> ranking;
  private final Map<FigureKind, String> svg = new LinkedHashMap<>();

  FolderView(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /**
   * The folder's state as plain data for JSON; an {@code error} entry when the folder cannot be
   * read.
   */
  synchronized Map<String, Object> state() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("folder", dir.toString());
    try {
      if (tail == null) {
        tail = JournalTail.open(dir);
      }
      JournalTail.Snapshot s = tail.poll();
      out.put("sweep", s.sweep());
      out.put("planned", s.planned());
      out.put("finished", s.finished());
      out.put("missing", s.missing());
      Map<String, Long> by = new LinkedHashMap<>();
      for (RunStatus st : RunStatus.values()) {
        by.put(st.label(), s.byStatus()[st.ordinal()]);
      }
      out.put("byStatus", by);
      out.put(
          "complete",
          Files.isRegularFile(dir.resolve(ResultsContract.SUMMARY_FILE)) && s.missing() == 0);
      out.put("runsPerSecond", finite(s.runsPerSecond()));
      out.put("etaSeconds", finite(s.etaSeconds()));
      out.put("spend", finite(s.spend()));
      out.put("budget", finite(s.budget()));
      out.put("budgetUnit", s.budgetUnit());
      out.put("spendByVariation", topSpend(s.spendByVariation()));
      List<Map<String, Object>> failures = new ArrayList<>();
      for (JournalTail.Failure f : s.failures()) {
        failures.add(Map.of("type", f.type(), "count", f.count(), "examples", f.examples()));
      }
      out.put("failures", failures);
      out.put("journalLines", s.journalLines());
      analyse(s.journalLines());
      out.put("ranking", ranking);
      out.put("figures", new ArrayList<>(svg.keySet().stream().map(FigureKind::label).toList()));
    } catch (RuntimeException e) {
      out.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
    }
    return out;
  }

  /** The SVG of a figure drawn at the last analysis, or null. */
  synchronized String figure(String kind) {
    for (Map.Entry<FigureKind, String> e : svg.entrySet()) {
      if (e.getKey().label().equals(kind)) {
        return e.getValue();
      }
    }
    return null;
  }

  private void analyse(long lines) {
    Path results = dir.resolve(ResultsContract.RESULTS_FILE);
    boolean finished =
        Files.isRegularFile(results)
            && Files.isRegularFile(dir.resolve(ResultsContract.SUMMARY_FILE));
    FileTime stamp = null;
    try {
      stamp = finished ? Files.getLastModifiedTime(results) : null;
    } catch (java.io.IOException e) {
      finished = false;
    }
    long now = System.nanoTime();
    boolean changed = finished ? !stamp.equals(analysedResults) : lines != analysedLines;
    if (!changed || !finished && analysedLines >= 0 && now - analysedAt < ANALYSIS_EVERY_NANOS) {
      return;
    }
    analysedLines = lines;
    analysedAt = now;
    analysedResults = stamp;
    Runs runs = finished ? Runs.read(dir) : tail.rankingData().toRuns();
    if (runs == null) {
      ranking = null;
      svg.clear();
      return;
    }
    Map<String, Object> r = new LinkedHashMap<>();
    try {
      RankingResult result = Ranking.withDefaults().rank(runs, null);
      r.put("metric", runs.metric(null));
      r.put("source", finished ? "results.csv" : "runs journalled so far");
      Map<String, List<String>> values = runs.parameterValuesByVariation();
      List<String> names = runs.parameters();
      List<Map<String, Object>> rows = new ArrayList<>();
      for (RankingResult.Entry e : result.entries()) {
        if (rows.size() == 20) {
          break;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("rank", e.rank());
        row.put("label", e.label());
        row.put("params", params(names, values.get(e.label())));
        row.put("n", e.n());
        row.put("mean", finite(e.mean()));
        row.put("ciLow", finite(e.ciLow()));
        row.put("ciHigh", finite(e.ciHigh()));
        row.put("rankGroup", e.rankGroup());
        rows.add(row);
      }
      r.put("entries", rows);
      r.put("groups", result.entries().size());
      r.put("advice", result.advice());
    } catch (RuntimeException e) {
      r.put("error", e.getMessage());
    }
    ranking = r;
    svg.clear();
    for (FigureKind kind : FIGURES) {
      try {
        svg.put(kind, QuickFigure.of(kind).plot(runs, finished ? dir : null).toSvg());
      } catch (RuntimeException e) {
        // a figure that cannot be drawn yet (too few runs) is left out
      }
    }
  }

  /**
   * "name=value, …" of a variation, or "" when its values are unknown (a grouping other than
   * variations).
   */
  private static String params(List<String> names, List<String> values) {
    if (values == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(names.size(), values.size()); i++) {
      sb.append(i == 0 ? "" : ", ").append(names.get(i)).append('=').append(values.get(i));
    }
    return sb.toString();
  }

  private static List<Map<String, Object>> topSpend(Map<String, double[]> byVariation) {
    List<Map.Entry<String, double[]>> list = new ArrayList<>(byVariation.entrySet());
    list.sort((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]));
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map.Entry<String, double[]> e : list.subList(0, Math.min(10, list.size()))) {
      out.add(
          Map.of(
              "variation", e.getKey(), "spend", e.getValue()[0], "runs", (long) e.getValue()[1]));
    }
    return out;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
