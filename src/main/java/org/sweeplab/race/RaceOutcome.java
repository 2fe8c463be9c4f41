package org.sweeplab.race;

import org.sweeplab.analysis.RaceResult;
import org.sweeplab.sweep.SweepResult;

/**
 * What a race produced.
 *
 * @param sweep the folder's counts over the runs the race needs ({@code planned}: the replicates
 *     each variation got by the race's rule; {@code missing}: those not run), with every round's
 *     session summed
 * @param race the race: its rounds, survivors and end
 * @param stopReason why an unfinished race stopped; empty when it ended by its rule
 */
public record RaceOutcome(SweepResult sweep, RaceResult race, String stopReason) {

  /**
   * @return whether the race ended by its rule and every run it needed ended ok
   */
  public boolean allOk() {
    return race.finished() && sweep.allOk();
  }
}
