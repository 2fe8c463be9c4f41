package org.sweeplab.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sweeplab.results.ColumnType;
import org.sweeplab.results.ResultsContract;

/**
 * The rule of a race (adaptive replication, after F-race, Birattari et al. 2002): replicates run in
 * rounds, round 1 with {@code min} replicates per variation, each later round with {@code step}
 * more per surviving variation, up to {@code max}. After each complete round the survivors' runs of
 * that round are ranked by {@link Ranking} (the same Holm-adjusted tests against the best as the
 * report's ranking, paired by seed when the runs share seeds), and every variation distinguishable
 * from the best leaves the race; a variation without an ok value leaves it too (it has nothing to
 * be compared by). The race ends when one variation is left or at {@code max} replicates.
 *
 * <p>Immutable: {@code RacePolicy.on("score").withReplicates(5, 50).withAlpha(0.05)}. A decision is
 * a function of the runs of complete rounds only, in plan order, so it does not depend on
 * scheduling, and {@link #replay} recomputes every decision from a table of runs (a crashed race
 * resumes where it was). Runs of a round that ended {@code cancelled} or {@code skipped}, or that
 * are absent, leave the round incomplete; failed runs are outcomes.
 */
public final class RacePolicy {
  /**
   * Statuses of runs that did not run to an outcome (sweeplab's labels); a round holding one is not
   * complete.
   */
  private static final Set<String> NOT_RUN = Set.of("", "cancelled", "skipped");

  private final String metric;
  private final Direction direction;
  private final TestKind kind;
  private final double alpha;
  private final int min;
  private final int max;
  private final int step;

  private RacePolicy(
      String metric, Direction direction, TestKind kind, double alpha, int min, int max, int step) {
    this.metric = metric;
    this.direction = direction;
    this.kind = kind;
    this.alpha = alpha;
    this.min = min;
    this.max = max;
    this.step = step;
  }

  /**
   * A race on {@code metric}: higher is better, Welch's t, alpha 0.05, 5 to 50 replicates, step 1
   * (the defaults of the spec's {@code execution.racing}).
   */
  public static RacePolicy on(String metric) {
    if (metric == null || metric.isBlank()) {
      throw AnalysisException.of("A race needs a metric to compare, got '%s'", metric);
    }
    return new RacePolicy(metric, Direction.HIGHER_IS_BETTER, TestKind.PARAMETRIC, 0.05, 5, 50, 1);
  }

  public RacePolicy withDirection(Direction d) {
    return new RacePolicy(metric, d, kind, alpha, min, max, step);
  }

  public RacePolicy withTestKind(TestKind k) {
    return new RacePolicy(metric, direction, k, alpha, min, max, step);
  }

  /**
   * @param a the significance level of the Holm-adjusted tests, in (0, 1)
   */
  public RacePolicy withAlpha(double a) {
    if (!(a > 0 && a < 1)) {
      throw AnalysisException.of("Race alpha %s is outside (0, 1)", a);
    }
    return new RacePolicy(metric, direction, kind, a, min, max, step);
  }

  /**
   * @param minReplicates round 1's replicates, {@code >= 2}; @param maxReplicates the most, {@code
   *     >= min}
   */
  public RacePolicy withReplicates(int minReplicates, int maxReplicates) {
    if (minReplicates < 2 || maxReplicates < minReplicates) {
      throw AnalysisException.of(
          "Race replicates need 2 <= min <= max, got min %d and max %d",
          minReplicates, maxReplicates);
    }
    return new RacePolicy(metric, direction, kind, alpha, minReplicates, maxReplicates, step);
  }

  /**
   * @param s replicates added per survivor in each round after the first, {@code >= 1}
   */
  public RacePolicy withStep(int s) {
    if (s < 1) {
      throw AnalysisException.of("Race step must be >= 1, got %d", s);
    }
    return new RacePolicy(metric, direction, kind, alpha, min, max, s);
  }

  public String metric() {
    return metric;
  }

  public Direction direction() {
    return direction;
  }

  public TestKind testKind() {
    return kind;
  }

  public double alpha() {
    return alpha;
  }

  public int minReplicates() {
    return min;
  }

  public int maxReplicates() {
    return max;
  }

  public int step() {
    return step;
  }

  /**
   * @return the replicates each survivor has after round {@code round} (from 1)
   */
  public int replicatesAt(int round) {
    return (int) Math.min(min + (long) (round - 1) * step, max);
  }

  /**
   * Decides one round: ranks every run with replicate at most {@link #replicatesAt(int)
   * replicatesAt(round)} (the survivors' runs of the round, and the runs that the variations out of
   * the race got before they left) as the report's ranking ranks a folder, and marks the {@code
   * alive} variations that are distinguishable from the best, or have no ok value, as out. The
   * family of the Holm adjustment is therefore every ranked variation, as in the report, not only
   * the survivors.
   *
   * @param runs runs with {@code variation_id}, {@code replicate}, a status, {@code seed} (for
   *     pairing) and the metric; rows with a later replicate are ignored
   * @param round the round, from 1
   * @param alive the variations in the race at the round's start, in plan order
   * @return the round; the caller must have checked it is complete ({@link #replay} does)
   */
  public RaceRound decide(Runs runs, int round, List<String> alive) {
    int n = replicatesAt(round);
    String[] ids = runs.text(ResultsContract.VARIATION_ID);
    long[] reps = runs.longs(ResultsContract.REPLICATE);
    boolean[] ok = runs.ok();
    double[] values = runs.numeric(runs.metric(metric));
    long[] seeds = runs.seedColumn() == null ? null : runs.longs(runs.seedColumn());
    int rows = 0;
    for (long r : reps) {
      rows += r >= 1 && r <= n ? 1 : 0;
    }
    String[] id = new String[rows];
    String[] status = new String[rows];
    double[] value = new double[rows];
    long[] seed = new long[rows];
    for (int i = 0, at = 0; i < ids.length; i++) {
      if (reps[i] >= 1 && reps[i] <= n) {
        id[at] = ids[i];
        status[at] = ok[i] ? ResultsContract.OK : "not ok";
        value[at] = ok[i] ? values[i] : Double.NaN;
        seed[at] = seeds == null ? 0 : seeds[i];
        at++;
      }
    }
    Map<String, RankingResult.Entry> ranked = new HashMap<>();
    String best = "";
    if (rows > 0) {
      List<RunColumn> columns = new ArrayList<>();
      columns.add(CategoryColumn.of(ResultsContract.VARIATION_ID, ColumnType.STRING, id));
      columns.add(CategoryColumn.of(ResultsContract.STATUS, ColumnType.STRING, status));
      columns.add(NumberColumn.ofDoubles(metric, value, new int[0], new String[0]));
      if (seeds != null) {
        columns.add(
            NumberColumn.ofLongs(
                ResultsContract.SEED, ColumnType.LONG, seed, new int[0], new String[0]));
      }
      Runs roundRuns =
          Runs.of("round " + round + " of the race on " + metric, columns, null)
              .withMetrics(metric);
      if (seeds != null) {
        roundRuns = roundRuns.withSeed(ResultsContract.SEED);
      }
      RankingResult r =
          Ranking.withDefaults()
              .withDirection(direction)
              .withTestKind(kind)
              .withPairing(Pairing.AUTO)
              .withConfidence(1 - alpha)
              .rank(roundRuns, metric);
      for (RankingResult.Entry e : r.entries()) {
        ranked.put(e.label(), e);
      }
      best = r.entries().isEmpty() ? "" : r.best().label();
    }
    List<RaceRound.Standing> standings = new ArrayList<>();
    for (String v : alive) {
      RankingResult.Entry e = ranked.get(v);
      standings.add(
          e == null
              ? new RaceRound.Standing(v, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, true)
              : new RaceRound.Standing(
                  v,
                  e.n(),
                  e.mean(),
                  e.ciLow(),
                  e.ciHigh(),
                  e.pHolm(),
                  e.distinguishableFromBest()));
    }
    return new RaceRound(round, n, best, standings);
  }

  /**
   * Recomputes a race from its runs: every complete round's decision, in order, until the race ends
   * or a round is not complete.
   *
   * @param runs the runs so far (null or without rows: none yet)
   * @param variations every variation of the plan, in plan order
   * @return the race as far as the runs take it
   * @throws AnalysisException if the runs lack a {@code variation_id} or {@code replicate} column
   */
  public RaceResult replay(Runs runs, List<String> variations) {
    return replay(
        runs,
        new RaceResult(
            this, variations, List.of(), variations, RaceResult.End.UNFINISHED, replicatesAt(1)));
  }

  /**
   * Goes on from a race already decided this far (its rounds are kept, not decided again: a round's
   * decision depends on that round's runs alone, which later runs do not change).
   *
   * @param runs the runs so far, including those of {@code known}'s rounds
   * @param known an earlier result of this policy on a prefix of these runs
   * @return the race as far as the runs take it
   */
  public RaceResult replay(Runs runs, RaceResult known) {
    List<String> variations = known.variations();
    if (known.finished()) {
      return known;
    }
    List<String> alive = known.survivors();
    List<RaceRound> rounds = new ArrayList<>(known.rounds());
    Map<String, boolean[]> done = runs == null ? Map.of() : doneByVariation(runs);
    for (int round = rounds.size() + 1; ; round++) {
      int n = replicatesAt(round);
      if (alive.isEmpty()) {
        return new RaceResult(this, variations, rounds, alive, RaceResult.End.ONE_LEFT, 0);
      }
      if (!complete(done, alive, n)) {
        return new RaceResult(this, variations, rounds, alive, RaceResult.End.UNFINISHED, n);
      }
      RaceRound r = decide(runs, round, alive);
      rounds.add(r);
      alive = r.survivors();
      if (alive.size() <= 1) {
        return new RaceResult(this, variations, rounds, alive, RaceResult.End.ONE_LEFT, 0);
      }
      if (n >= max) {
        return new RaceResult(this, variations, rounds, alive, RaceResult.End.MAX_REPLICATES, 0);
      }
    }
  }

  private static boolean complete(Map<String, boolean[]> done, List<String> alive, int n) {
    for (String v : alive) {
      boolean[] d = done.get(v);
      if (d == null || d.length <= n) {
        return false;
      }
      for (int r = 1; r <= n; r++) {
        if (!d[r]) {
          return false;
        }
      }
    }
    return true;
  }

  /** Per variation, per replicate (index from 1), whether that run reached an outcome. */
  private Map<String, boolean[]> doneByVariation(Runs runs) {
    String[] ids = runs.text(ResultsContract.VARIATION_ID);
    long[] reps = runs.longs(ResultsContract.REPLICATE);
    String[] status = runs.statusColumn() == null ? null : runs.text(runs.statusColumn());
    Map<String, boolean[]> out = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (reps[i] < 1 || reps[i] > max) {
        continue;
      }
      boolean[] d = out.computeIfAbsent(ids[i], k -> new boolean[max + 1]);
      d[(int) reps[i]] = status == null || !NOT_RUN.contains(status[i]);
    }
    return out;
  }

  /**
   * The race recorded in a folder's {@code summary.json} (its {@code "race"} object), as a policy.
   *
   * @param summaryFile the summary file
   * @return the policy, or null when the file is absent or records no race
   */
  public static RacePolicy read(Path summaryFile) {
    if (summaryFile == null || !Files.isRegularFile(summaryFile)) {
      return null;
    }
    try {
      JsonNode race = new ObjectMapper().readTree(summaryFile.toFile()).get("race");
      if (race == null || !race.isObject()) {
        return null;
      }
      return fromJson(race);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  static RacePolicy fromJson(JsonNode race) {
    Direction d =
        "lower".equals(race.path("direction").asText())
            ? Direction.LOWER_IS_BETTER
            : Direction.HIGHER_IS_BETTER;
    TestKind k =
        "mann-whitney".equals(race.path("test").asText()) ? TestKind.RANK : TestKind.PARAMETRIC;
    return on(race.get("metric").asText())
        .withDirection(d)
        .withTestKind(k)
        .withAlpha(race.get("alpha").asDouble())
        .withReplicates(race.get("min_replicates").asInt(), race.get("max_replicates").asInt())
        .withStep(race.get("step").asInt());
  }

  /**
   * @return the settings as {@code summary.json} records them
   */
  public Map<String, Object> settings() {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("metric", metric);
    m.put("direction", direction == Direction.HIGHER_IS_BETTER ? "higher" : "lower");
    m.put("test", kind == TestKind.PARAMETRIC ? "welch" : "mann-whitney");
    m.put("alpha", alpha);
    m.put("min_replicates", min);
    m.put("max_replicates", max);
    m.put("step", step);
    return m;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "race on %s (%s is better), %s, α = %s, %d to %d replicates, step %d",
        metric,
        direction == Direction.HIGHER_IS_BETTER ? "higher" : "lower",
        kind == TestKind.PARAMETRIC ? "Welch" : "Mann-Whitney",
        alpha,
        min,
        max,
        step);
  }
}
