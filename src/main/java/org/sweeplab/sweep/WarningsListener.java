package org.sweeplab.sweep;

import java.time.Duration;
import java.util.List;
import org.sweeplab.run.PlannedRun;
import org.sweeplab.run.Progress;
import org.sweeplab.run.RunRecord;
import org.sweeplab.run.SweepListener;

/**
 * Forwards every event to the user's listener and also keeps the warnings, for the result and
 * summary.json.
 */
final class WarningsListener implements SweepListener {
  private final SweepListener user;
  private final List<String> warnings;

  private WarningsListener(SweepListener user, List<String> warnings) {
    this.user = user;
    this.warnings = warnings;
  }

  /**
   * Forwards to {@code user} (may be null) and adds each warning to {@code warnings} (guarded by
   * itself).
   */
  static SweepListener of(SweepListener user, List<String> warnings) {
    return new WarningsListener(user != null ? user : new SweepListener() {}, warnings);
  }

  @Override
  public void warning(String message) {
    synchronized (warnings) {
      warnings.add(message);
    }
    user.warning(message);
  }

  @Override
  public void sweepPaused(Duration pause, String why) {
    user.sweepPaused(pause, why);
  }

  @Override
  public void sweepStarted(String sweepName, long total) {
    user.sweepStarted(sweepName, total);
  }

  @Override
  public void runStarted(PlannedRun run) {
    user.runStarted(run);
  }

  @Override
  public void runFinished(RunRecord record, Progress progress) {
    user.runFinished(record, progress);
  }

  @Override
  public void runRetrying(PlannedRun run, int attempt, long delayMillis, String reason) {
    user.runRetrying(run, attempt, delayMillis, reason);
  }

  @Override
  public void sweepFinished(Progress progress) {
    user.sweepFinished(progress);
  }
}
