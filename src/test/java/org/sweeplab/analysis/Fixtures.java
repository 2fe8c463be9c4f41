package org.sweeplab.analysis;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Builds small tables of runs in the results.csv layout for the tests. */
final class Fixtures {
  private final StringColumn runId = StringColumn.create("run_id");
  private final StringColumn variation = StringColumn.create("variation_id");
  private final IntColumn replicate = IntColumn.create("replicate");
  private final LongColumn seed = LongColumn.create("seed");
  private final StringColumn level = StringColumn.create("level");
  private final StringColumn status = StringColumn.create("status");
  private final DoubleColumn score = DoubleColumn.create("score");
  private final DoubleColumn cost = DoubleColumn.create("cost");
  private final LongColumn duration = LongColumn.create("duration_ms");
  private final StringColumn errorType = StringColumn.create("error_type");
  private final StringColumn errorMessage = StringColumn.create("error_message");

  static Fixtures create() {
    return new Fixtures();
  }

  /** Adds one ok run per value, seeds 1, 2, ... */
  Fixtures ok(String v, double... values) {
    for (double x : values) {
      add(v, "ok", x, 1.0);
    }
    return this;
  }

  Fixtures add(String v, String st, double value, double c) {
    int r = (int) variation.asList().stream().filter(v::equals).count() + 1;
    runId.append(v + "-" + r);
    variation.append(v);
    replicate.append(r);
    seed.append(r);
    level.append(v.substring(0, 1));
    status.append(st);
    score.append("ok".equals(st) ? value : Double.NaN);
    cost.append(c);
    duration.append(10);
    errorType.append("ok".equals(st) ? "" : "RuntimeException");
    errorMessage.append("ok".equals(st) ? "" : "boom");
    return this;
  }

  Table table() {
    return Table.create(
        "results.csv",
        runId,
        variation,
        replicate,
        seed,
        level,
        status,
        score,
        cost,
        duration,
        errorType,
        errorMessage);
  }

  Runs runs() {
    return Runs.of(table());
  }
}
