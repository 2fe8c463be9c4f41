package org.sweeplab.race;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.sweeplab.analysis.RaceResult;
import org.sweeplab.run.Backend;
import org.sweeplab.run.ExecutionHandle;
import org.sweeplab.run.PlannedRun;
import org.sweeplab.run.RunRequest;

/**
 * The backend of a race: it hands the backend it wraps only the runs of the race's current round
 * (the survivors' replicates up to the round's count) out of the runs the sweep would run, and
 * remembers a stop, so that a race stopped between rounds (Ctrl-C, SIGTERM) starts no further
 * round. Give this object, not the wrapped one, to whatever may stop the race.
 */
public final class RaceBackend implements Backend {
  private final Backend delegate;
  private volatile Supplier<RaceResult> state;
  private volatile RaceResult lastState;
  private volatile boolean stopped;
  private StopMode stopMode;
  private ExecutionHandle current;

  private RaceBackend(Backend delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /**
   * @return a race backend running on {@code b} (b itself when it is one)
   */
  public static RaceBackend wrap(Backend b) {
    return b instanceof RaceBackend r ? r : new RaceBackend(b);
  }

  /** Where the next {@link #start} reads the race's state, just before it hands out runs. */
  void stateFrom(Supplier<RaceResult> s) {
    this.state = s;
    this.lastState = null;
  }

  /**
   * @return the state the last {@link #start} ran a round of, or null when none ran since {@link
   *     #stateFrom}
   */
  RaceResult lastState() {
    return lastState;
  }

  /**
   * @return whether {@link #stop} was called
   */
  public boolean stopped() {
    return stopped;
  }

  @Override
  public boolean runsRaceRounds() {
    return true;
  }

  @Override
  public ExecutionHandle start(RunRequest request) {
    RaceResult now = state == null ? null : state.get();
    lastState = now;
    List<PlannedRun> runs = new ArrayList<>();
    if (now != null && !now.finished()) {
      Set<String> alive = Set.copyOf(now.survivors());
      int n = now.nextReplicates();
      Iterator<PlannedRun> it = request.runs();
      while (it.hasNext()) {
        PlannedRun p = it.next();
        if (p.replicate() <= n && alive.contains(p.variation().id())) {
          runs.add(p);
        }
      }
    }
    ExecutionHandle h =
        delegate.start(
            new RunRequest(
                request.sweepName(),
                runs.iterator(),
                runs.size(),
                request.simulation(),
                request.sink(),
                request.listener(),
                request.priorSpend(),
                request.priorCostedRuns()));
    synchronized (this) {
      current = h;
      if (stopMode != null) {
        h.stop(stopMode); // stopped between rounds: this round starts no run
      }
    }
    return h;
  }

  /**
   * Stops the race: the round in flight as {@link ExecutionHandle#stop} says, and every later round
   * at once.
   */
  public synchronized void stop(StopMode mode) {
    stopped = true;
    stopMode = stopMode == StopMode.CANCEL ? stopMode : mode;
    if (current != null) {
      current.stop(mode);
    }
  }
}
