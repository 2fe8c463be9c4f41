package org.sweeplab.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.sweeplab.sim.BudgetExceededException;
import org.sweeplab.sim.CheckedFolder;
import org.sweeplab.sim.FreshFiles;
import org.sweeplab.sim.RunContext;

/**
 * The runner's {@link RunContext}: lazy artifact folder and random generator, telemetry buffer,
 * cost cap. The cost is the sum of every charge of every attempt of the run; each charge also goes
 * to the sink's ledger as it happens.
 */
final class RunContextImpl implements RunContext {
  private final PlannedRun run;
  private final CheckedFolder runsFolder;
  private final double perRunCap;
  private final RunSink ledger;
  private int attempt = 1;
  private volatile boolean cancelled;
  private RandomGenerator random;
  private Path artifactDir;
  private StringBuilder telemetry;
  private double cost = Double.NaN;

  /**
   * A context whose charges are reported to {@code ledger} as they happen; its folder goes into
   * {@code runsFolder} (the sweep's, shared by its runs), or a temporary folder when that is null.
   */
  RunContextImpl(PlannedRun run, CheckedFolder runsFolder, double perRunCap, RunSink ledger) {
    this.run = run;
    this.runsFolder = runsFolder;
    this.perRunCap = perRunCap;
    this.ledger = ledger;
  }

  /** The attempt that charges from now on (1-based; every execution of the simulation is one). */
  synchronized void attempt(int n) {
    attempt = n;
  }

  @Override
  public synchronized int attempt() {
    return attempt;
  }

  @Override
  public String runId() {
    return run.runId();
  }

  @Override
  public String variationId() {
    return run.variation().id();
  }

  @Override
  public String variationKey() {
    return run.variation().key();
  }

  @Override
  public int replicate() {
    return run.replicate();
  }

  @Override
  public long seed() {
    return run.seed();
  }

  @Override
  public RandomGenerator random() {
    if (random == null) {
      random = new SplittableRandom(run.seed());
    }
    return random;
  }

  @Override
  public Map<String, Object> params() {
    return run.variation().params();
  }

  @Override
  public Object get(String name) {
    Object v = run.variation().get(name);
    if (v == null) {
      throw new IllegalArgumentException(
          "No parameter '"
              + name
              + "' in run "
              + runId()
              + "; parameters are "
              + run.variation().names());
    }
    return v;
  }

  @Override
  public synchronized Path artifactDir() {
    if (artifactDir == null) {
      try {
        Path root =
            runsFolder != null
                ? runsFolder.get()
                : FreshFiles.folder(Files.createTempDirectory("sweeplab-runs").toAbsolutePath());
        artifactDir = FreshFiles.folder(root.resolve(run.runId()));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot create the folder of run " + runId() + ": " + e.getMessage(), e);
      }
    }
    return artifactDir;
  }

  /** The artifact folder if it was created, else null. */
  synchronized Path artifactDirIfCreated() {
    return artifactDir;
  }

  @Override
  public synchronized void telemetry(long step, String name, double value) {
    if (telemetry == null) {
      telemetry = new StringBuilder("step,name,value\n");
    }
    telemetry.append(step).append(',').append(csvField(name)).append(',');
    if (!Double.isNaN(value)) {
      telemetry.append(value);
    }
    telemetry.append('\n');
  }

  @Override
  public void charge(double amount) {
    charge(amount, null, 0);
  }

  @Override
  public synchronized void charge(double amount, String spool, long line) {
    if (!(amount >= 0) || Double.isInfinite(amount)) {
      throw new IllegalArgumentException(
          "charge(" + amount + ") in run " + runId() + ": amount must be >= 0");
    }
    cost = Double.isNaN(cost) ? amount : cost + amount;
    // Recorded before the cap is checked: money spent is spent, also by the charge that crosses the
    // cap.
    if (spool == null) {
      ledger.charged(run, attempt, amount);
    } else {
      ledger.charged(run, attempt, amount, spool, line);
    }
    if (cost > perRunCap) {
      throw new BudgetExceededException(
          String.format(
              Locale.ROOT,
              "run %s spent %s, over the per-run cap of %s",
              runId(),
              cost,
              perRunCap));
    }
  }

  @Override
  public synchronized double cost() {
    return cost;
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  void cancel() {
    cancelled = true;
  }

  boolean cancelled() {
    return cancelled;
  }

  /** Writes buffered telemetry to {@code telemetry.csv} in the run folder. */
  void flushTelemetry() throws IOException {
    String text;
    synchronized (this) {
      if (telemetry == null) {
        return;
      }
      text = telemetry.toString();
      telemetry = null;
    }
    try (Writer w =
        new java.io.OutputStreamWriter(
            FreshFiles.create(artifactDir().resolve("telemetry.csv")), StandardCharsets.UTF_8)) {
      w.write(text);
    }
  }

  static String csvField(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
