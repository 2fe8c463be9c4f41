package org.sweeplab.analysis;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Failure clusters: the error messages of runs that are not ok, normalised and grouped.
 * Normalisation replaces UUIDs by {@code <id>}, hexadecimal hashes of 8 or more digits by {@code
 * <hash>}, file paths by {@code <path>}, numbers by {@code <n>} and runs of white space by one
 * space; the cluster key is the error type and the normalised message. For each cluster, a
 * parameter level is over-represented when its share of the cluster's runs is at least 1.5 times
 * its share of all runs and its Holm-adjusted p is below 0.05: Fisher's exact (or chi-square) test
 * of the level's share inside the cluster against outside it, one test for every cluster and every
 * level of every parameter, Holm over all of them (one family). Internal; {@link Patterns} calls
 * it.
 */
final class FailureClusters {
  private static final Pattern UUID =
      Pattern.compile(
          "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
  private static final Pattern HASH =
      Pattern.compile("\\b(?:0x)?(?=[0-9a-fA-F]*\\d)[0-9a-fA-F]{8,}\\b");
  private static final Pattern PATH =
      Pattern.compile("(?:[A-Za-z]:)?(?:[/\\\\][\\w.\\-]+){2,}[/\\\\]?");
  private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private FailureClusters() {}

  /**
   * @return the message with ids, hashes, paths and numbers replaced by placeholders
   */
  static String normalise(String message) {
    String s = UUID.matcher(message).replaceAll("<id>");
    s = HASH.matcher(s).replaceAll("<hash>");
    s = PATH.matcher(s).replaceAll("<path>");
    s = NUMBER.matcher(s).replaceAll("<n>");
    return SPACE.matcher(s).replaceAll(" ").trim();
  }

  static FailureClustersResult detect(Runs runs, List<Levels> levels, boolean[] ok) {
    int n = ok.length;
    // Keys are built per distinct value (codes), so each distinct message is normalised once.
    RunColumn.Codes type =
        runs.errorTypeColumn() == null ? null : runs.codes(runs.errorTypeColumn());
    RunColumn.Codes msg =
        runs.errorMessageColumn() == null ? null : runs.codes(runs.errorMessageColumn());
    RunColumn.Codes status = runs.statusColumn() == null ? null : runs.codes(runs.statusColumn());
    String[] normalised = msg == null ? null : new String[msg.size()];
    if (msg != null) {
      for (int c = 0; c < normalised.length; c++) {
        normalised[c] = normalise(msg.labels()[c]);
      }
    }
    Map<String, IntArrayList> clusters = new LinkedHashMap<>();
    Long2ObjectOpenHashMap<IntArrayList> byCodes = new Long2ObjectOpenHashMap<>();
    long failures = 0;
    for (int i = 0; i < n; i++) {
      if (ok[i]) {
        continue;
      }
      failures++;
      int tc = type == null ? -1 : type.ofRow()[i];
      boolean useType = tc >= 0 && !type.labels()[tc].isEmpty();
      int sc = status == null ? -1 : status.ofRow()[i];
      int mc = msg == null ? -1 : msg.ofRow()[i];
      long key = ((useType ? tc : -2L - sc) << 32) ^ (mc & 0xFFFFFFFFL);
      IntArrayList rows = byCodes.get(key);
      if (rows == null) {
        String t =
            useType ? type.labels()[tc] : status == null ? runs.okValue() : status.labels()[sc];
        String m = msg == null ? "" : normalised[mc];
        rows = clusters.computeIfAbsent(m.isEmpty() ? t : t + ": " + m, x -> new IntArrayList());
        byCodes.put(key, rows);
      }
      rows.add(i);
    }
    List<Map.Entry<String, IntArrayList>> sorted = new ArrayList<>(clusters.entrySet());
    sorted.sort((x, y) -> Integer.compare(y.getValue().size(), x.getValue().size()));
    List<long[]> all = new ArrayList<>();
    for (Levels l : levels) {
      long[] counts = new long[l.size()];
      for (int i = 0; i < n; i++) {
        counts[l.levelOfRow[i]]++;
      }
      all.add(counts);
    }
    List<double[]> tests = new ArrayList<>();
    for (int k = 0; k < sorted.size(); k++) {
      IntArrayList rows = sorted.get(k).getValue();
      rows.sort(null);
      tests.addAll(levelTests(levels, all, rows, n, k));
    }
    double[] holm = Intervals.holm(tests.stream().mapToDouble(t -> t[4]).toArray());
    List<List<String>> flagged = new ArrayList<>();
    for (int k = 0; k < sorted.size(); k++) {
      flagged.add(new ArrayList<>());
    }
    for (int t = 0; t < tests.size(); t++) {
      double[] x = tests.get(t);
      if (x[3] >= 1.5 && holm[t] < 0.05) {
        flagged
            .get((int) x[0])
            .add(
                String.format(
                    Locale.ROOT,
                    "%s (x%.1f, p_holm %s)",
                    levels.get((int) x[1]).labels.get((int) x[2]),
                    x[3],
                    Ranking.fmt(holm[t])));
      }
    }
    List<FailureClustersResult.Row> out = new ArrayList<>(sorted.size());
    for (int k = 0; k < sorted.size(); k++) {
      IntArrayList rows = sorted.get(k).getValue();
      out.add(
          new FailureClustersResult.Row(
              sorted.get(k).getKey(),
              rows.size(),
              (double) rows.size() / failures,
              msg == null ? "" : msg.labels()[msg.ofRow()[rows.getInt(0)]],
              flagged.get(k)));
    }
    return new FailureClustersResult(out);
  }

  /**
   * @return one {cluster, parameter, level, lift, p} per level of every parameter
   */
  private static List<double[]> levelTests(
      List<Levels> levels, List<long[]> allCounts, IntArrayList rows, int n, int cluster) {
    List<double[]> out = new ArrayList<>();
    int c = rows.size();
    for (int p = 0; p < levels.size(); p++) {
      Levels l = levels.get(p);
      long[] all = allCounts.get(p);
      long[] in = new long[l.size()];
      for (int r = 0; r < c; r++) {
        in[l.levelOfRow[rows.getInt(r)]]++;
      }
      for (int v = 0; v < l.size(); v++) {
        double lift = ((double) in[v] / c) / ((double) all[v] / n);
        double pv =
            Inference.proportions(in[v], c - in[v], all[v] - in[v], n - c - all[v] + in[v])
                .pValue();
        out.add(new double[] {cluster, p, v, lift, pv});
      }
    }
    return out;
  }
}
