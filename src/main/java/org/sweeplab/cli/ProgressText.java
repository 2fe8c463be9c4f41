package org.sweeplab.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sweeplab.run.Progress;

/**
 * The words of a progress line, most important first, cut to a width: done/total, the success rate,
 * the spend against the budget and a pause come first, so they stay visible at 80 columns; then the
 * ETA, failures, retries, rate-limit waits and speed as room allows.
 */
final class ProgressText {
  /** The width of a classic terminal. */
  static final int WIDTH = 80;

  private ProgressText() {}

  /**
   * The plain line: {@code [name] 405/900 45% ok 93% spend 1.20/5.00 eta 0:06 failed 2 ...}, at
   * most {@code width} characters (the name is shortened first when needed).
   *
   * @param pause the retry-after or rate-limit pause in force, or null
   */
  static String line(String name, Progress p, Duration pause, int width) {
    String head =
        String.format(
            Locale.ROOT,
            "%,d/%,d %d%%",
            p.done(),
            p.total(),
            p.total() == 0 ? 100 : (int) Math.floor(100.0 * p.done() / p.total()));
    // The name takes at most a quarter of the line; the words after the counts get the rest.
    int nameRoom = Math.max(4, width / 4);
    String label =
        name.length() + 3 <= nameRoom
            ? "[" + name + "] "
            : "[" + name.substring(0, Math.max(1, nameRoom - 4)) + "…] ";
    String rest = extra(p, pause, Duration.ZERO, width - label.length() - head.length() - 1);
    return label + head + (rest.isEmpty() ? "" : " " + rest);
  }

  /**
   * The words after the counts, at most {@code room} characters: whole words only, in order of
   * importance.
   *
   * @param pause the pause in force, or null
   * @param elapsedUnused reserved for a caller that shows the elapsed time itself (the bar does)
   */
  static String extra(Progress p, Duration pause, Duration elapsedUnused, int room) {
    List<String> words = new ArrayList<>();
    double rate = p.successRate();
    words.add(
        Double.isNaN(rate)
            ? "ok -"
            : String.format(Locale.ROOT, "ok %d%%", (int) Math.floor(100 * rate)));
    if (!Double.isNaN(p.spend())) {
      words.add(
          "spend " + money(p.spend()) + (Double.isNaN(p.budget()) ? "" : "/" + money(p.budget())));
    } else if (!Double.isNaN(p.budget())) {
      words.add("spend 0/" + money(p.budget()));
    }
    if (pause != null && !pause.isZero()) {
      words.add("PAUSED " + seconds(pause) + " (rate limit)");
    }
    Duration eta = p.eta();
    if (eta != null && p.done() < p.total()) {
      words.add("eta " + StderrProgress.clock(eta));
    }
    if (p.failed() > 0) {
      words.add(String.format(Locale.ROOT, "failed %,d", p.failed()));
    }
    if (p.timedOut() > 0) {
      words.add(String.format(Locale.ROOT, "timeout %,d", p.timedOut()));
    }
    if (p.skipped() > 0) {
      words.add(String.format(Locale.ROOT, "skipped %,d", p.skipped()));
    }
    if (p.retries() > 0) {
      words.add(String.format(Locale.ROOT, "retries %,d", p.retries()));
    }
    if (p.rateWaits() > 0) {
      words.add(String.format(Locale.ROOT, "rate waits %,d", p.rateWaits()));
    }
    words.add(String.format(Locale.ROOT, "%,.1f/s", p.runsPerSecond()));
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      int add = (sb.length() == 0 ? 0 : 1) + w.length();
      if (sb.length() + add > room) {
        if (sb.length() == 0) {
          continue;
        }
        break;
      }
      sb.append(sb.length() == 0 ? "" : " ").append(w);
    }
    return sb.toString();
  }

  /**
   * Two decimals from 1 up (cents of a budget), four below (a cheap run's fractions); short for 80
   * columns.
   */
  static String money(double v) {
    return String.format(Locale.ROOT, Math.abs(v) >= 1 ? "%.2f" : "%.4f", v);
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + "s" : String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
  }
}
