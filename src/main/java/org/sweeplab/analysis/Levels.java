package org.sweeplab.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The levels of one parameter: its distinct values, or for a numeric column with more than {@value
 * #MAX_LEVELS} distinct values, four quartile bins ({@code x ≤ q1}, {@code q1 < x ≤ q2}, ...).
 * Internal; used by pattern detection.
 */
final class Levels {
  static final int MAX_LEVELS = 8;

  final String parameter;
  final int[] levelOfRow;
  final List<String> labels;

  /** Per level, its value, or for a bin its interval ({@code (-∞, q1]}, {@code (q1, q2]}, ...). */
  final List<String> values;

  /**
   * Per level, its number when the column is numeric and each level is one value; else null (text,
   * or bins).
   */
  final double[] numbers;

  private Levels(
      String parameter,
      int[] levelOfRow,
      List<String> labels,
      List<String> values,
      double[] numbers) {
    this.parameter = parameter;
    this.levelOfRow = levelOfRow;
    this.labels = labels;
    this.values = values;
    this.numbers = numbers;
  }

  static Levels of(Runs runs, String parameter) {
    RunColumn.Codes codes = runs.codes(parameter);
    int[] code = codes.ofRow();
    boolean numeric = runs.isNumeric(parameter);
    List<String> labels = new ArrayList<>();
    List<String> values = new ArrayList<>();
    if (numeric && codes.size() > MAX_LEVELS) {
      int[] level = new int[code.length];
      double[] numbers = runs.numeric(parameter);
      MetricAccumulator acc =
          MetricAccumulator.of(Arrays.stream(numbers).filter(x -> !Double.isNaN(x)).toArray());
      double[] cut = {acc.quantile(0.25), acc.quantile(0.5), acc.quantile(0.75)};
      String[] names = {
        parameter + " ≤ " + num(cut[0]),
        num(cut[0]) + " < " + parameter + " ≤ " + num(cut[1]),
        num(cut[1]) + " < " + parameter + " ≤ " + num(cut[2]),
        parameter + " > " + num(cut[2])
      };
      // Bins present, numbered in ascending order: tables and figures list them low to high.
      boolean[] present = new boolean[4];
      for (int i = 0; i < level.length; i++) {
        double x = numbers[i];
        int b = x <= cut[0] ? 0 : x <= cut[1] ? 1 : x <= cut[2] ? 2 : 3;
        present[b] = true;
        level[i] = b;
      }
      String[] intervals = {
        "(-∞, " + num(cut[0]) + "]",
        "(" + num(cut[0]) + ", " + num(cut[1]) + "]",
        "(" + num(cut[1]) + ", " + num(cut[2]) + "]",
        "(" + num(cut[2]) + ", ∞)"
      };
      int[] remap = new int[4];
      for (int b = 0; b < 4; b++) {
        remap[b] = present[b] ? labels.size() : -1;
        if (present[b]) {
          labels.add(names[b]);
          values.add(intervals[b]);
        }
      }
      for (int i = 0; i < level.length; i++) {
        level[i] = remap[level[i]];
      }
      return new Levels(parameter, level, labels, values, null);
    }
    for (String s : codes.labels()) {
      labels.add(parameter + " = " + s);
      values.add(s);
    }
    return new Levels(parameter, code, labels, values, numeric ? codes.numbers() : null);
  }

  int size() {
    return labels.size();
  }

  static String num(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : FourDigits.format(x);
  }
}
