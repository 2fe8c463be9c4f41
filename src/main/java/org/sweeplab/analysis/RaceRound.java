package org.sweeplab.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * One decided round of a race.
 *
 * @param round the round, from 1
 * @param replicates the replicates each variation in it had
 * @param best the best variation of the round (empty when none had an ok value)
 * @param standings the variations in the race at the round's start, in plan order
 */
public record RaceRound(int round, int replicates, String best, List<Standing> standings) {

  /**
   * One variation in a round.
   *
   * @param variation its id
   * @param n its ok values in the round
   * @param mean their mean (NaN without one)
   * @param ciLow the low end of the mean's t interval at confidence {@code 1 - alpha} (NaN when n
   *     &lt; 2)
   * @param ciHigh its high end
   * @param pHolm the Holm-adjusted p of its test against the best (NaN for the best)
   * @param out whether it left the race in this round: distinguishable from the best, or no ok
   *     value
   */
  public record Standing(
      String variation,
      long n,
      double mean,
      double ciLow,
      double ciHigh,
      double pHolm,
      boolean out) {}

  public RaceRound {
    standings = List.copyOf(standings);
  }

  /**
   * @return the variations still in the race after this round, in plan order
   */
  public List<String> survivors() {
    List<String> out = new ArrayList<>();
    for (Standing s : standings) {
      if (!s.out()) {
        out.add(s.variation());
      }
    }
    return out;
  }

  /**
   * @return the variations that left the race in this round, in plan order
   */
  public List<String> eliminated() {
    List<String> out = new ArrayList<>();
    for (Standing s : standings) {
      if (s.out()) {
        out.add(s.variation());
      }
    }
    return out;
  }
}
