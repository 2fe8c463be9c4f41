package org.sweeplab.race;

import java.nio.file.Path;
import org.sweeplab.sim.Simulation;
import org.sweeplab.sim.examples.ArmsSimulation;
import org.sweeplab.sweep.Sweep;

/** A race slow enough to be killed part-way ({@link RaceKillNineTest}): arms runs of 20 ms each. */
public final class KillableRaceMain {
  static final Simulation SLOW =
      ctx -> {
        Thread.sleep(20);
        return new ArmsSimulation().run(ctx);
      };

  private KillableRaceMain() {}

  public static void main(String[] args) {
    Race.of(Sweep.of(RaceTest.arms(2)).simulation(SLOW).output(Path.of(args[0]))).run();
  }
}
