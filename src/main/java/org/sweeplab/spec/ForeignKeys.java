package org.sweeplab.spec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys that users of other batch runners write out of habit, and sweeplab's key for each, so that
 * an unknown key such as {@code max_workers} gets "did you mean 'execution.max_parallel'?" rather
 * than a bare "unknown key". {@code docs/coming-from.md} has the same table for people.
 */
final class ForeignKeys {
  private ForeignKeys() {}

  /**
   * Foreign key (as written at the top level or inside {@code execution}) to sweeplab's dotted key.
   */
  static final Map<String, String> SWEEPLAB_KEY = table();

  private static Map<String, String> table() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("max_workers", "execution.max_parallel");
    m.put("workers", "execution.max_parallel");
    m.put("n_jobs", "execution.max_parallel");
    m.put("parallelism", "execution.max_parallel");
    m.put("max_parallel", "execution.max_parallel");
    m.put("runs_per_variation", "replicates");
    m.put("repetitions", "replicates");
    m.put("repeats", "replicates");
    m.put("n_runs", "replicates");
    m.put("budget_limit", "budget.total");
    m.put("max_budget", "budget.total");
    m.put("cost_limit", "budget.total");
    m.put("cost_per_run_limit", "budget.per_run");
    m.put("max_cost_per_run", "budget.per_run");
    m.put("output_dir", "output.dir");
    m.put("out_dir", "output.dir");
    m.put("results_dir", "output.dir");
    m.put("experiment_name", "name");
    m.put("experiment", "name");
    m.put("variations", "parameters");
    m.put("params", "parameters");
    m.put("grid", "parameters");
    m.put("timeout_per_sweep", "execution.timeout_per_run");
    m.put("timeout", "execution.timeout_per_run");
    m.put("max_retries", "execution.retries.max_attempts");
    m.put("retries", "execution.retries");
    m.put("rate_limit", "execution.rate_limit");
    m.put("requests_per_minute", "execution.rate_limit");
    m.put("random_seed", "seed");
    m.put("base_config", "base_file");
    m.put("config_file", "base_file");
    m.put("scenario", "base");
    m.put("callbacks", "listeners");
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * The hint for an unknown key at {@code path} ("" for the top level): " (did you mean
   * 'execution.max_parallel'?)", or null when the key is not a known foreign one or its sweeplab
   * key is the one valid here.
   */
  static String hint(String path, String key) {
    String ours = SWEEPLAB_KEY.get(key);
    if (ours == null) {
      return null;
    }
    String here = path.isEmpty() ? key : path + "." + key;
    if (ours.equals(here)) {
      return null;
    }
    if (!path.isEmpty() && ours.startsWith(path + ".")) {
      ours = ours.substring(path.length() + 1);
    }
    return " (did you mean '" + ours + "'?)";
  }
}
