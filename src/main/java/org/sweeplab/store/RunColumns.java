package org.sweeplab.store;

import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sweeplab.run.RunStatus;

/**
 * The outcome of every run of a plan, by run ordinal, in primitive arrays: what results.csv and the
 * table need, without one object per run. Writes are synchronized. The per-run readers ({@link
 * #status}, {@link #seed}, {@link #cost}, {@link #durationMs}) are not: read a run only after its
 * write has been seen (after the sweep, or for a run not yet handed out), which is how results
 * writing and pending-run iteration use them.
 */
public final class RunColumns {
  /** The statuses by ordinal; {@code values()} would copy the array for every row read. */
  private static final RunStatus[] STATUSES = RunStatus.values();

  private final int capacity;
  // In chunks, allocated as runs finish: memory follows the runs done, not the plan (Chunks).
  private final Chunks.Bytes status;
  private final Chunks.Doubles cost;
  private final Chunks.Doubles durationMs;
  private final Chunks.Longs seed;
  private final Map<String, MetricColumn> metrics = new LinkedHashMap<>();
  private final Int2ObjectOpenHashMap<String[]> errors = new Int2ObjectOpenHashMap<>();

  /** Sum of the ledger's charges by run ordinal (all sessions and attempts), for runs with any. */
  private final Int2DoubleOpenHashMap charged = new Int2DoubleOpenHashMap();

  /** Sum and count of the ledger's charges by attempt number - 1. */
  private double[] chargedByAttempt = new double[0];

  private long[] chargesByAttempt = new long[0];
  private long filled;

  public RunColumns(long capacity) {
    requireCapacity(capacity);
    this.capacity = (int) capacity;
    this.status = new Chunks.Bytes(this.capacity);
    this.cost = new Chunks.Doubles(this.capacity);
    this.durationMs = new Chunks.Doubles(this.capacity);
    this.seed = new Chunks.Longs(this.capacity);
  }

  /**
   * The memory a finished run takes in the columns before any metric: status, cost, duration and
   * seed.
   */
  static final long BYTES_PER_RUN = 1 + 8 + 8 + 8;

  /**
   * Refuses a plan too large to tabulate: over the array limit, or needing more memory for its
   * columns than this JVM may use (with the size and the {@code -Xmx} hint), before anything is
   * allocated or written.
   */
  public static void requireCapacity(long capacity) {
    if (capacity > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "A sweep of "
              + capacity
              + " runs is too large to tabulate; the limit is "
              + (Integer.MAX_VALUE - 8));
    }
    long need = capacity * BYTES_PER_RUN;
    long max = Runtime.getRuntime().maxMemory();
    if (max != Long.MAX_VALUE && need > max - (max >> 3)) {
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "a sweep of %,d runs needs at least"
                  + " %.1f GiB to tabulate its results (%d bytes a run, more with metrics), more than the %.1f GiB this JVM"
                  + " may use; give it more with SWEEPLAB_JAVA_OPTS=-Xmx%dg, or plan fewer runs",
              capacity,
              need / (double) (1L << 30),
              BYTES_PER_RUN,
              max / (double) (1L << 30),
              Math.max(1, (need * 2 >> 30) + 1)));
    }
  }

  synchronized void put(
      long ordinal,
      long runSeed,
      RunStatus st,
      Map<String, Object> values,
      double c,
      double duration,
      String errorType,
      String errorMessage) {
    int i = start(ordinal, runSeed, st, c, duration);
    for (Map.Entry<String, Object> e : values.entrySet()) {
      column(e.getKey()).put(i, e.getValue());
    }
    end(i, errorType, errorMessage);
  }

  /**
   * As {@link #put(long, long, RunStatus, Map, double, double, String, String)} with the metrics as
   * the first {@code count} names and values (a resume reading its journal).
   */
  synchronized void put(
      long ordinal,
      long runSeed,
      RunStatus st,
      String[] names,
      Object[] values,
      int count,
      double c,
      double duration,
      String errorType,
      String errorMessage) {
    int i = start(ordinal, runSeed, st, c, duration);
    for (int k = 0; k < count; k++) {
      column(names[k]).put(i, values[k]);
    }
    end(i, errorType, errorMessage);
  }

  private int start(long ordinal, long runSeed, RunStatus st, double c, double duration) {
    int i = (int) ordinal;
    if (status.get(i) != 0) {
      for (MetricColumn m : metrics.values()) {
        m.clear(i);
      }
      errors.remove(i);
    } else {
      filled++;
    }
    status.set(i, (byte) (st.ordinal() + 1));
    seed.set(i, runSeed);
    cost.set(i, c);
    durationMs.set(i, duration);
    return i;
  }

  /** The column of metric {@code name}, made when it first appears. */
  private MetricColumn column(String name) {
    MetricColumn m = metrics.get(name);
    if (m == null) {
      m = new MetricColumn(capacity);
      metrics.put(name, m);
    }
    return m;
  }

  private void end(int i, String errorType, String errorMessage) {
    if (errorType != null || errorMessage != null) {
      errors.put(i, new String[] {errorType, errorMessage});
    }
  }

  int capacity() {
    return capacity;
  }

  /**
   * The status of a run as its code: 0 when it has not run, else its status's ordinal + 1 (for
   * scans that test many runs against a table of codes).
   */
  int statusCode(long ordinal) {
    return status.get((int) ordinal);
  }

  /** The status of a run, or null when it has not run. */
  RunStatus status(long ordinal) {
    byte s = status.get((int) ordinal);
    return s == 0 ? null : STATUSES[s - 1];
  }

  synchronized long filled() {
    return filled;
  }

  long seed(int i) {
    return seed.get(i);
  }

  double cost(int i) {
    return cost.get(i);
  }

  double durationMs(int i) {
    return durationMs.get(i);
  }

  synchronized String[] error(int i) {
    return errors.get(i);
  }

  synchronized List<String> metricNames() {
    return new ArrayList<>(metrics.keySet());
  }

  synchronized MetricColumn metric(String name) {
    return metrics.get(name);
  }

  /** Counts by status. */
  public synchronized long[] statusCounts() {
    long[] counts = new long[RunStatus.values().length];
    for (int i = 0; i < capacity; i++) {
      if (!status.allocated(i)) {
        if (i > capacity - Chunks.SIZE) {
          break;
        }
        i |= Chunks.SIZE - 1; // the whole chunk is empty
        continue;
      }
      byte s = status.get(i);
      if (s != 0) {
        counts[s - 1]++;
      }
    }
    return counts;
  }

  /** One charge from the ledger (or of a run in flight): it counts in the run's spend at once. */
  synchronized void addCharge(long ordinal, int attempt, double amount) {
    charged.addTo((int) ordinal, amount);
    if (attempt > chargedByAttempt.length) {
      chargedByAttempt = Arrays.copyOf(chargedByAttempt, attempt);
      chargesByAttempt = Arrays.copyOf(chargesByAttempt, attempt);
    }
    chargedByAttempt[attempt - 1] += amount;
    chargesByAttempt[attempt - 1]++;
  }

  /**
   * What run {@code i} spent, NaN when nothing is known: the larger of its record's cost and the
   * sum of its charges in the ledger (which holds every attempt of every session, also of a session
   * that crashed or whose record was replaced by a rerun).
   */
  synchronized double spend(int i) {
    return spendOf(i, !charged.isEmpty());
  }

  /** {@link #spend} with the lock held; the ledger is looked up only when it has charges. */
  private double spendOf(int i, boolean anyCharges) {
    double c = status.get(i) != 0 ? cost.get(i) : Double.NaN;
    if (!anyCharges || !charged.containsKey(i)) {
      return c;
    }
    double l = charged.get(i);
    return Double.isNaN(c) ? l : Math.max(c, l);
  }

  /** The ledger's sums by attempt: {@code [attempt - 1] = {cost, charges}}. */
  synchronized double[][] chargesByAttempt() {
    double[][] out = new double[chargedByAttempt.length][];
    for (int a = 0; a < out.length; a++) {
      out[a] = new double[] {chargedByAttempt[a], chargesByAttempt[a]};
    }
    return out;
  }

  /**
   * Runs with a known spend (finished runs that reported a cost, and runs with charges in the
   * ledger).
   */
  public synchronized long costedRuns() {
    long n = 0;
    boolean anyCharges = !charged.isEmpty();
    for (int i = 0; i < capacity; i++) {
      if (!Double.isNaN(spendOf(i, anyCharges))) {
        n++;
      }
    }
    return n;
  }

  /** The total and the largest duration in milliseconds over finished runs. */
  public synchronized double[] durationTotals() {
    double sum = 0;
    double max = 0;
    for (int i = 0; i < capacity; i++) {
      if (status.get(i) != 0) {
        double d = durationMs.get(i);
        sum += d;
        max = Math.max(max, d);
      }
    }
    return new double[] {sum, max};
  }

  /** The total spend (see {@link #spend}) over all runs, NaN when no run has one. */
  public synchronized double totalCost() {
    double sum = 0;
    boolean any = false;
    boolean anyCharges = !charged.isEmpty();
    for (int i = 0; i < capacity; i++) {
      double s = spendOf(i, anyCharges);
      if (!Double.isNaN(s)) {
        sum += s;
        any = true;
      }
    }
    return any ? sum : Double.NaN;
  }
}
