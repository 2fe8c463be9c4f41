package org.sweeplab.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * A race as far as its runs go ({@link RacePolicy#replay}).
 *
 * @param policy the rule it follows
 * @param variations every variation of the plan, in plan order
 * @param rounds the decided rounds, in order
 * @param survivors the variations still in the race, in plan order
 * @param end why it ended, or {@link End#UNFINISHED}
 * @param nextReplicates for an unfinished race, the replicates its next round gives each survivor;
 *     else 0
 */
public record RaceResult(
    RacePolicy policy,
    List<String> variations,
    List<RaceRound> rounds,
    List<String> survivors,
    End end,
    int nextReplicates)
    implements TabularResult {

  /** How a race ended. */
  public enum End {
    /** One variation is left (or none: every one had no ok value). */
    ONE_LEFT,
    /** The survivors have {@code max_replicates} each; they form the best's rank group. */
    MAX_REPLICATES,
    /**
     * A round is not complete: the race was stopped (interrupt, budget, fail-fast) or is still
     * running.
     */
    UNFINISHED;

    /**
     * @return the lower-case label, e.g. {@code max_replicates}
     */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public RaceResult {
    variations = List.copyOf(variations);
    rounds = List.copyOf(rounds);
    survivors = List.copyOf(survivors);
  }

  /**
   * @return whether the race has ended by its rule (one left, or max replicates)
   */
  public boolean finished() {
    return end != End.UNFINISHED;
  }

  /**
   * @return per variation that left the race, the round it left in (plan order)
   */
  public Map<String, Integer> roundOut() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (RaceRound r : rounds) {
      for (String v : r.eliminated()) {
        out.put(v, r.round());
      }
    }
    return out;
  }

  /**
   * @return the replicates each variation receives by the race's rule: those of the round it left
   *     in; a survivor, those of the last round (of the next, for an unfinished race)
   */
  public Map<String, Integer> replicatesByVariation() {
    Map<String, Integer> out = new LinkedHashMap<>();
    Map<String, Integer> left = roundOut();
    int last = rounds.isEmpty() ? 0 : rounds.get(rounds.size() - 1).replicates();
    for (String v : variations) {
      Integer r = left.get(v);
      out.put(
          v,
          r != null
              ? rounds.get(r - 1).replicates()
              : end == End.UNFINISHED ? nextReplicates : last);
    }
    return out;
  }

  /**
   * @return the runs the race needs: the sum of {@link #replicatesByVariation()}
   */
  public long runs() {
    return replicatesByVariation().values().stream().mapToLong(Integer::longValue).sum();
  }

  /**
   * @return the runs of the full design: every variation at {@code max_replicates}
   */
  public long fullDesignRuns() {
    return (long) variations.size() * policy.maxReplicates();
  }

  /**
   * @return the best of the last decided round, or empty before the first
   */
  public String best() {
    return rounds.isEmpty() ? "" : rounds.get(rounds.size() - 1).best();
  }

  /**
   * @return one row per round: {@code round, replicates, alive, eliminated, best} (alive: at the
   *     round's start)
   */
  @Override
  public ResultTable resultTable() {
    return ResultTable.of(
        "race on " + policy.metric(),
        Columns.ints("round", rounds, RaceRound::round),
        Columns.ints("replicates", rounds, RaceRound::replicates),
        Columns.ints("alive", rounds, r -> r.standings().size()),
        Columns.ints("eliminated", rounds, r -> r.eliminated().size()),
        Columns.text("best", rounds, RaceRound::best));
  }

  /**
   * @return one row per variation per round it was in: {@code round, replicates, variation_id, n,
   *     mean, ci_low, ci_high, p_holm, out} (race.csv)
   */
  public ResultTable standingsResultTable() {
    List<RaceRound> roundOf = new java.util.ArrayList<>();
    List<RaceRound.Standing> rows = new java.util.ArrayList<>();
    for (RaceRound r : rounds) {
      for (RaceRound.Standing s : r.standings()) {
        roundOf.add(r);
        rows.add(s);
      }
    }
    return ResultTable.of(
        "race standings on " + policy.metric(),
        Columns.ints("round", roundOf, RaceRound::round),
        Columns.ints("replicates", roundOf, RaceRound::replicates),
        Columns.text("variation_id", rows, RaceRound.Standing::variation),
        Columns.longs("n", rows, RaceRound.Standing::n),
        Columns.doubles("mean", rows, RaceRound.Standing::mean),
        Columns.doubles("ci_low", rows, RaceRound.Standing::ciLow),
        Columns.doubles("ci_high", rows, RaceRound.Standing::ciHigh),
        Columns.doubles("p_holm", rows, RaceRound.Standing::pHolm),
        Columns.booleans("out", rows, RaceRound.Standing::out));
  }

  /**
   * @return the Tablesaw view of {@link #standingsResultTable()}
   */
  public Table standings() {
    return standingsResultTable().toTable();
  }

  /**
   * @return the race as {@code summary.json} records it: settings, end, rounds, survivors, runs
   */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>(policy.settings());
    m.put("end", end.label());
    m.put("best", best());
    m.put("survivors", survivors);
    m.put("runs", runs());
    m.put("full_design_runs", fullDesignRuns());
    List<Map<String, Object>> rs = new java.util.ArrayList<>();
    for (RaceRound r : rounds) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("round", r.round());
      o.put("replicates", r.replicates());
      o.put("alive", r.standings().size());
      o.put("best", r.best());
      o.put("eliminated", r.eliminated());
      rs.add(o);
    }
    m.put("rounds", rs);
    return m;
  }
}
