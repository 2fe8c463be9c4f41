package org.sweeplab.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sweeplab.results.PlainJson;
import org.sweeplab.run.RunStatus;
import org.sweeplab.space.RunPlan;
import org.sweeplab.space.Variation;
import org.sweeplab.spec.BudgetSpec;

/**
 * Builds {@code costs.json}: the spend per variation and in total, the limits, what remains, and
 * the charges by attempt. The spend of a run counts every charge of every attempt, in every session
 * (see {@link RunColumns#spend}). Runs that were skipped never ran and cost nothing, so they count
 * in no figure except {@code skipped}.
 */
public final class CostReport {
  private CostReport() {}

  /** Whether a folder gets a costs.json: when the spec has a budget or any run reported a cost. */
  public static boolean wanted(BudgetSpec budget, RunColumns columns) {
    return budget != null || columns.costedRuns() > 0;
  }

  public static Map<String, Object> build(
      String sweep, RunPlan plan, RunColumns columns, BudgetSpec budget, Double estimatedTotal) {
    List<Map<String, Object>> variations = new ArrayList<>();
    Tally all = new Tally();
    int replicates = plan.replicates();
    Iterator<Variation> it = plan.variations();
    while (it.hasNext()) {
      Variation v = it.next();
      Tally t = new Tally();
      for (int r = 1; r <= replicates; r++) {
        long ordinal = v.index() * replicates + r - 1;
        RunStatus st = columns.status(ordinal);
        double spend = columns.spend((int) ordinal);
        if (st != null) {
          t.add(st, spend);
        } else if (!Double.isNaN(spend)) {
          t.cost +=
              spend; // charged by a run in flight when a session crashed, and not run again since
        }
      }
      if (t.runs > 0 || t.cost > 0) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variation_id", v.id());
        m.put("variation_key", v.key());
        m.put("params", new LinkedHashMap<>(v.params()));
        t.into(m);
        variations.add(m);
      }
      all.merge(t);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sweep", sweep);
    out.put("unit", budget == null ? "" : budget.unit());
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("total", budget == null ? null : nullIfNaN(budget.total()));
    limits.put("per_run", budget == null ? null : nullIfNaN(budget.perRun()));
    limits.put("estimate_per_run", budget == null ? null : nullIfNaN(budget.estimatePerRun()));
    limits.put("estimated_total", estimatedTotal);
    out.put("limits", limits);
    Map<String, Object> totals = new LinkedHashMap<>();
    all.into(totals);
    out.put("totals", totals);
    out.put(
        "remaining",
        budget == null || Double.isNaN(budget.total()) ? null : budget.total() - all.cost);
    List<Map<String, Object>> byAttempt = new ArrayList<>();
    double[][] attempts = columns.chargesByAttempt();
    for (int a = 0; a < attempts.length; a++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("attempt", a + 1);
      m.put("charges", (long) attempts[a][1]);
      m.put("cost", attempts[a][0]);
      byAttempt.add(m);
    }
    out.put("by_attempt", byAttempt);
    out.put("variations", variations);
    return out;
  }

  public static void write(Path file, Map<String, Object> report) {
    OutputFolder.writeAtomically(file, PlainJson.indented(report) + "\n");
  }

  private static Object nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }

  /** Counts and sums of one variation or of the whole sweep. */
  private static final class Tally {
    long runs;
    long skipped;
    long ok;
    long costed;
    double cost;

    void add(RunStatus st, double c) {
      if (st == RunStatus.SKIPPED) {
        skipped++;
        if (!Double.isNaN(c)) {
          cost += c; // charged in a session that crashed before this run was skipped
        }
        return;
      }
      runs++;
      if (st == RunStatus.OK) {
        ok++;
      }
      if (!Double.isNaN(c)) {
        costed++;
        cost += c;
      }
    }

    void merge(Tally t) {
      runs += t.runs;
      skipped += t.skipped;
      ok += t.ok;
      costed += t.costed;
      cost += t.cost;
    }

    void into(Map<String, Object> m) {
      m.put("runs", runs);
      m.put("ok_runs", ok);
      m.put("costed_runs", costed);
      m.put("skipped", skipped);
      m.put("total_cost", cost);
      m.put("mean_cost", costed == 0 ? null : cost / costed);
      m.put("cost_per_ok_run", ok == 0 ? null : cost / ok);
    }
  }
}
