package org.sweeplab.space;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.sweeplab.spec.Shard;
import org.sweeplab.spec.SpecException;
import org.sweeplab.spec.SweepSpec;

/**
 * The runs of a sweep: every variation of its design times its replicates, with ids, content keys
 * and seeds. Enumeration is lazy; only {@link #variations()} walks the design. For batch jobs,
 * {@link #variations(Shard)} gives one balanced, deterministic slice with the ids, keys and seeds
 * of the whole plan.
 */
public final class RunPlan {
  private final SweepSpec spec;
  private final DesignSpace space;
  private final long variationCount;
  private final long runCount;
  private final int idDigits;
  private final int replicateDigits;

  private RunPlan(SweepSpec spec, DesignSpace space) {
    this.spec = spec;
    this.space = space;
    this.variationCount = space.size();
    long runs;
    try {
      runs = Math.multiplyExact(variationCount, (long) spec.replicates());
    } catch (ArithmeticException e) {
      runs = Long.MAX_VALUE;
    }
    this.runCount = runs;
    this.idDigits =
        Math.max(org.sweeplab.spec.Defaults.VARIATION_ID_DIGITS, digits(variationCount));
    this.replicateDigits =
        Math.max(org.sweeplab.spec.Defaults.REPLICATE_DIGITS, digits(spec.replicates()));
  }

  /**
   * The plan of a spec.
   *
   * @throws IllegalArgumentException when the design does not fit the parameters, or the sweep has
   *     more runs than {@code execution.max_runs}
   */
  public static RunPlan of(SweepSpec spec) {
    RunPlan plan = new RunPlan(spec, DesignSpace.of(spec));
    long cap = spec.execution().maxRuns();
    if (plan.runCount > cap) {
      throw new SpecException(
          null,
          0,
          0,
          "execution.max_runs",
          String.format(
              Locale.ROOT,
              "the sweep has %s runs (%s variations x %d replicates), more than the limit of %s; raise it with"
                  + " --set execution.max_runs=%s if you mean it",
              plan.runCount == Long.MAX_VALUE ? "more than 9.2e18" : Long.toString(plan.runCount),
              plan.variationCount,
              spec.replicates(),
              cap,
              plan.runCount == Long.MAX_VALUE ? "N" : plan.runCount));
    }
    return plan;
  }

  public SweepSpec spec() {
    return spec;
  }

  public List<String> parameterNames() {
    return space.names();
  }

  public long variationCount() {
    return variationCount;
  }

  public long runCount() {
    return runCount;
  }

  public int replicates() {
    return spec.replicates();
  }

  /** The display id of variation {@code index} (from 0): {@code var-0001} for index 0. */
  public String variationId(long index) {
    StringBuilder sb = new StringBuilder(4 + idDigits).append("var-");
    return pad(sb, index + 1, idDigits).toString();
  }

  private static final String RUN = "-run-";

  /** The run id of a replicate (from 1) of a variation: {@code var-0001-run-001}. */
  public String runId(String variationId, int replicate) {
    // Built in one char array: a million-run sweep builds a million of them.
    int v = variationId.length();
    int width = Math.max(replicateDigits, digits(replicate));
    char[] c = new char[v + RUN.length() + width];
    variationId.getChars(0, v, c, 0);
    RUN.getChars(0, RUN.length(), c, v);
    long n = Math.max(replicate, 0);
    for (int i = c.length - 1; i >= v + RUN.length(); i--) {
      c[i] = (char) ('0' + n % 10);
      n /= 10;
    }
    return new String(c);
  }

  /**
   * @return the least digits of the replicate number in a run id (more when the number needs them)
   */
  public int replicateDigits() {
    return replicateDigits;
  }

  /** The seed of a run. */
  public long seed(String variationKey, int replicate) {
    return Seeds.runSeed(spec.seed(), spec.seeding(), variationKey, replicate);
  }

  /**
   * The layout of a sensitivity design ({@code saltelli}, {@code morris}): which variation each
   * cell of its blocks or trajectories runs as; empty for other designs. Takes one pass over the
   * design.
   */
  public java.util.Optional<org.sweeplab.results.DesignLayout> layout() {
    return space instanceof BlockSpace b
        ? java.util.Optional.of(b.layout(this::variationId))
        : java.util.Optional.empty();
  }

  /** The number of variations in one shard. */
  public long variationCount(Shard shard) {
    return shard.sizeOf(variationCount);
  }

  /**
   * The parameter values of every variation, in design order (aligned with {@link
   * #parameterNames()}), without ids or keys: the cheap walk for writers that already know each
   * run's outcome.
   */
  public Iterator<Object[]> points() {
    return space.iterator();
  }

  /**
   * The variations in design order, built one at a time as the iterator advances (a plan of 10^12
   * variations starts at once). Each call starts again from the first.
   */
  public Iterator<Variation> variations() {
    return variations(Shard.all());
  }

  /**
   * The variations of one shard, in design order, lazily. They keep the indices, ids, keys and
   * seeds they have in the whole plan. The design is walked from the start, but only this shard's
   * variations are built.
   */
  public Iterator<Variation> variations(Shard shard) {
    Iterator<Object[]> points = space.iterator();
    List<String> names = space.names();
    return new Iterator<>() {
      private long index;
      private Object[] pending;

      @Override
      public boolean hasNext() {
        while (pending == null && points.hasNext()) {
          Object[] values = points.next();
          if (shard.contains(index)) {
            pending = values;
          } else {
            index++;
          }
        }
        return pending != null;
      }

      @Override
      public Variation next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Object[] values = pending;
        pending = null;
        long i = index++;
        return Variation.lazy(i, RunPlan.this::variationId, names, values);
      }
    };
  }

  /**
   * The first {@code n} variations (fewer when the plan is smaller), e.g. for a dry run.
   *
   * @throws IllegalArgumentException when {@code n < 0}
   */
  public List<Variation> head(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("head needs n >= 0, got " + n);
    }
    List<Variation> out = new ArrayList<>(Math.min(n, 1024));
    Iterator<Variation> it = variations();
    while (out.size() < n && it.hasNext()) {
      out.add(it.next());
    }
    return out;
  }

  private static int digits(long n) {
    int d = 1;
    for (long v = Math.max(n, 1); v >= 10; v /= 10) {
      d++;
    }
    return d;
  }

  private static StringBuilder pad(StringBuilder sb, long n, int width) {
    int digits = digits(n);
    for (int i = digits; i < width; i++) {
      sb.append('0');
    }
    return sb.append(n);
  }
}
