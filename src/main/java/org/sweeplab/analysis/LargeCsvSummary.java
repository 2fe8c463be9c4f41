package org.sweeplab.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The per-group summary of a large results CSV, read in one pass straight from bytes: runs, ok runs, success rate,
 * count, mean, median, standard deviation, minimum and maximum of the metric over ok runs, total cost and cost per
 * successful run. It is the fast path for files too big for Tablesaw's reader (10 million rows in about 1.6 s on 2
 * cores); the numbers follow the same definitions as {@link VariationStatistics} and {@link CostEfficiency}.
 *
 * <p>The file is split at line ends into one range per thread; each thread parses its range into its own grouped
 * primitive accumulators (group keys are hashed as bytes, never made Strings), which are then merged. Metric values
 * are kept in one array sorted by group (a counting sort), so the median is a per-group selection, not a global sort;
 * mean and variance use the corrected two-pass formulas of {@link MetricAccumulator}. Empty or NaN metric values of
 * ok runs are left out (NaN policy EXCLUDE); an empty cost counts as zero.
 *
 * <p>Quoted fields (RFC 4180) are understood. A quoted field holding a line break is read correctly with one thread;
 * with several, a split point could fall inside it, so give {@code withThreads(1)} for such files.
 */
public final class LargeCsvSummary {
  private final String group;
  private final String metric;
  private final String status;
  private final String okValue;
  private final String cost;
  private final int threads;
  private long splitSize = 64L << 20;

  private LargeCsvSummary(String group, String metric, String status, String okValue, String cost, int threads) {
    this.group = group;
    this.metric = metric;
    this.status = status;
    this.okValue = okValue;
    this.cost = cost;
    this.threads = threads;
  }

  /** @return group {@code variation_id}, metric {@code metric}, status {@code status} = {@code ok}, cost {@code cost} */
  public static LargeCsvSummary withDefaults() {
    return new LargeCsvSummary("variation_id", "metric", "status", "ok", "cost",
        Runtime.getRuntime().availableProcessors());
  }

  public LargeCsvSummary withGroup(String column) {
    return new LargeCsvSummary(column, metric, status, okValue, cost, threads);
  }

  public LargeCsvSummary withMetric(String column) {
    return new LargeCsvSummary(group, column, status, okValue, cost, threads);
  }

  public LargeCsvSummary withStatus(String column, String ok) {
    return new LargeCsvSummary(group, metric, column, ok, cost, threads);
  }

  /** @param column the cost column, or null for none */
  public LargeCsvSummary withCost(String column) {
    return new LargeCsvSummary(group, metric, status, okValue, column, threads);
  }

  /** @param n the number of threads, at least 1 */
  public LargeCsvSummary withThreads(int n) {
    if (n < 1) {
      throw AnalysisException.of("Threads %d < 1", n);
    }
    return new LargeCsvSummary(group, metric, status, okValue, cost, n);
  }

  /** @return a copy that gives each thread at least {@code bytes} of the file (64 MiB by default); for tests */
  LargeCsvSummary withSplitSize(long bytes) {
    LargeCsvSummary c = new LargeCsvSummary(group, metric, status, okValue, cost, threads);
    c.splitSize = bytes;
    return c;
  }

  /**
   * @param file a CSV file with a header line
   * @return one row per group in order of first appearance: the group column, then {@code runs, ok_runs,
   *     success_rate, n, mean, median, sd, min, max, total_cost, cost_per_ok_run}
   * @throws AnalysisException if a named column is absent or a metric cell is not a number
   * @throws UncheckedIOException if the file cannot be read
   */
  public Table summarize(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      byte[] head = new byte[(int) Math.min(size, 1 << 20)];
      ch.read(ByteBuffer.wrap(head), 0);
      int eol = 0;
      while (eol < head.length && head[eol] != '\n') {
        eol++;
      }
      List<String> names = header(new String(head, 0, eol, StandardCharsets.UTF_8).strip());
      int[] cols = {index(names, group, file), index(names, status, file), index(names, metric, file),
          cost == null ? -1 : index(names, cost, file)};
      long start = Math.min(size, eol + 1L);
      // Tablesaw's classes take a while to load: load them while the file is parsed.
      Thread warm = new Thread(() -> Table.create("warm", StringColumn.create("s", "x"), LongColumn.create("l"),
          DoubleColumn.create("d")), "csv-summary-warm");
      warm.setDaemon(true);
      warm.start();
      int lines = 0;
      for (int i = eol + 1; i < head.length; i++) {
        lines += head[i] == '\n' ? 1 : 0;
      }
      double bytesPerLine = lines == 0 ? 64 : (head.length - eol - 1.0) / lines;
      int t = (int) Math.max(1, Math.min(threads, (size - start) / splitSize));
      CsvChunk[] chunks = new CsvChunk[t];
      Thread[] workers = new Thread[t];
      RuntimeException[] failure = new RuntimeException[1];
      for (int i = 0; i < t; i++) {
        long from = start + (size - start) * i / t;
        long to = start + (size - start) * (i + 1) / t;
        chunks[i] = new CsvChunk(cols, okValue.getBytes(StandardCharsets.UTF_8),
            (int) Math.min(Integer.MAX_VALUE / 2, 1.02 * (to - from) / bytesPerLine + 1024));
        CsvChunk c = chunks[i];
        workers[i] = new Thread(() -> {
          try {
            c.parse(ch, from, to, from > start, size);
          } catch (IOException e) {
            failure[0] = new UncheckedIOException(e);
          } catch (RuntimeException e) {
            failure[0] = e;
          }
        }, "csv-summary-" + i);
        workers[i].start();
      }
      for (Thread w : workers) {
        w.join();
      }
      if (failure[0] != null) {
        throw failure[0];
      }
      return merge(chunks, t);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading " + file, e);
    }
  }

  private Table merge(CsvChunk[] chunks, int t) throws InterruptedException {
    CsvChunk first = chunks[0];
    ByteKeyIndex keys = first.keys;
    int[][] remap = new int[t][];
    for (int i = 0; i < t; i++) {
      remap[i] = new int[chunks[i].keys.size()];
      for (int g = 0; g < remap[i].length; g++) {
        remap[i][g] = i == 0 ? g : chunks[i].keys.idIn(keys, g);
      }
    }
    int k = keys.size();
    long[] runs = new long[k];
    long[] ok = new long[k];
    double[] costSum = new double[k];
    int[] n = new int[k + 1];
    long values = 0;
    for (int i = 0; i < t; i++) {
      CsvChunk c = chunks[i];
      for (int g = 0; g < remap[i].length; g++) {
        int m = remap[i][g];
        runs[m] += c.runs[g];
        ok[m] += c.okCount[g];
        costSum[m] += c.costSum[g];
      }
      for (int j = 0; j < c.valueCount; j++) {
        n[remap[i][c.valueGroup[j]] + 1]++;
      }
      values += c.valueCount;
    }
    if (values > Integer.MAX_VALUE - 8) {
      throw AnalysisException.of("%d metric values exceed the %d one array can hold", values, Integer.MAX_VALUE - 8);
    }
    for (int g = 0; g < k; g++) {
      n[g + 1] += n[g];
    }
    double[] sorted = new double[(int) values];
    int[] fill = Arrays.copyOf(n, k);
    for (int i = 0; i < t; i++) {
      CsvChunk c = chunks[i];
      for (int j = 0; j < c.valueCount; j++) {
        sorted[fill[remap[i][c.valueGroup[j]]]++] = c.values[j];
      }
      chunks[i] = null;
    }
    double[][] stats = new double[6][k];
    Thread[] workers = new Thread[t];
    for (int i = 0; i < t; i++) {
      int from = (int) ((long) k * i / t);
      int to = (int) ((long) k * (i + 1) / t);
      workers[i] = new Thread(() -> {
        for (int g = from; g < to; g++) {
          groupStats(sorted, n[g], n[g + 1], stats, g);
        }
      });
      workers[i].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    String[] names = new String[k];
    double[] rate = new double[k];
    double[] perOk = new double[k];
    long[] count = new long[k];
    for (int g = 0; g < k; g++) {
      names[g] = keys.key(g);
      rate[g] = (double) ok[g] / runs[g];
      perOk[g] = ok[g] == 0 ? Double.NaN : costSum[g] / ok[g];
      count[g] = n[g + 1] - n[g];
    }
    Table out = Table.create("summary", StringColumn.create(group, names), LongColumn.create("runs", runs),
        LongColumn.create("ok_runs", ok), DoubleColumn.create("success_rate", rate), LongColumn.create("n", count),
        DoubleColumn.create("mean", stats[0]), DoubleColumn.create("median", stats[1]),
        DoubleColumn.create("sd", stats[2]), DoubleColumn.create("min", stats[3]),
        DoubleColumn.create("max", stats[4]));
    if (cost != null) {
      out.addColumns(DoubleColumn.create("total_cost", costSum), DoubleColumn.create("cost_per_ok_run", perOk));
    }
    return out;
  }

  /** Mean (corrected two-pass), median (selection), sd, min, max of a[from, to); reorders that range. */
  static void groupStats(double[] a, int from, int to, double[][] out, int g) {
    int n = to - from;
    if (n == 0) {
      for (int s = 0; s < 5; s++) {
        out[s][g] = Double.NaN;
      }
      return;
    }
    double sum = MetricAccumulator.sum(a, from, to);
    double m = sum / n;
    double r = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = from; i < to; i++) {
      r += a[i] - m;
      min = Math.min(min, a[i]);
      max = Math.max(max, a[i]);
    }
    m += r / n;
    double s1 = 0;
    double s2 = 0;
    for (int i = from; i < to; i++) {
      double d = a[i] - m;
      s1 += d;
      s2 += d * d;
    }
    out[0][g] = m;
    out[2][g] = n < 2 ? Double.NaN : Math.sqrt(Math.max(0, (s2 - s1 * s1 / n) / (n - 1)));
    out[3][g] = min;
    out[4][g] = max;
    int k = from + (n - 1) / 2;
    select(a, from, to - 1, k);
    double med = a[k];
    if (n % 2 == 0) {
      double next = Double.POSITIVE_INFINITY;
      for (int i = k + 1; i < to; i++) {
        next = Math.min(next, a[i]);
      }
      med = med + (next - med) / 2;
    }
    out[1][g] = med;
  }

  /** Hoare's quickselect with median-of-three pivots: afterwards a[k] is the k-th smallest of a[lo..hi]. */
  static void select(double[] a, int lo, int hi, int k) {
    while (hi > lo) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < a[lo]) {
        swap(a, mid, lo);
      }
      if (a[hi] < a[lo]) {
        swap(a, hi, lo);
      }
      if (a[hi] < a[mid]) {
        swap(a, hi, mid);
      }
      double pivot = a[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          swap(a, i++, j--);
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  private static List<String> header(String line) {
    List<String> out = new ArrayList<>();
    for (String s : line.split(",", -1)) {
      out.add(s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s);
    }
    return out;
  }

  private static int index(List<String> names, String name, Path file) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw AnalysisException.of("Column '%s' is not present in table %s; columns are %s", name, file.getFileName(),
          names);
    }
    return i;
  }

}
