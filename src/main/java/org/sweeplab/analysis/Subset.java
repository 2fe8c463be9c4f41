package org.sweeplab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A subset of runs given by conditions on columns, all of which must hold: {@code
 * Subset.where("difficulty", "extreme").and("tick_budget", "<=", "100")}, or parsed from text:
 * {@code difficulty=extreme & tick_budget<=100}. Equality compares the cell's text (so {@code 100}
 * matches an integer column's 100); {@code =} accepts several values separated by {@code |}. The
 * order operators compare numbers.
 *
 * @param conditions the conditions, all of which must hold; none means every run
 */
public record Subset(List<Condition> conditions) {
  private static final Pattern CONDITION =
      Pattern.compile("\\s*([^!<>=]+?)\\s*(!=|<=|>=|=|<|>)\\s*(.*?)\\s*");

  /**
   * @param column the column
   * @param op one of {@code = != < <= > >=}
   * @param value the value: text for {@code =} and {@code !=} ({@code a|b} for several), a number
   *     otherwise
   */
  public record Condition(String column, String op, String value) {
    boolean test(String cell, double number) {
      return switch (op) {
        case "=" -> List.of(value.split("\\|", -1)).contains(cell);
        case "!=" -> !List.of(value.split("\\|", -1)).contains(cell);
        case "<" -> number < Double.parseDouble(value);
        case "<=" -> number <= Double.parseDouble(value);
        case ">" -> number > Double.parseDouble(value);
        case ">=" -> number >= Double.parseDouble(value);
        default ->
            throw AnalysisException.of(
                "Operator '%s' in condition on '%s' is not one of = != < <= > >=", op, column);
      };
    }

    @Override
    public String toString() {
      return column + " " + op + " " + value;
    }
  }

  public Subset {
    conditions = List.copyOf(conditions);
  }

  /**
   * @return every run
   */
  public static Subset all() {
    return new Subset(List.of());
  }

  /**
   * @return the runs whose column equals the value
   */
  public static Subset where(String column, Object value) {
    return all().and(column, "=", String.valueOf(value));
  }

  /**
   * @return this subset narrowed by one more equality
   */
  public Subset and(String column, Object value) {
    return and(column, "=", String.valueOf(value));
  }

  /**
   * @return this subset narrowed by one more condition
   * @throws AnalysisException if the operator is unknown, or an order operator is given a
   *     non-number
   */
  public Subset and(String column, String op, String value) {
    if (!List.of("=", "!=", "<", "<=", ">", ">=").contains(op)) {
      throw AnalysisException.of(
          "Operator '%s' in condition on '%s' is not one of = != < <= > >=", op, column);
    }
    if (op.contains("<") || op.contains(">")) {
      try {
        Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw AnalysisException.of(
            "Condition '%s %s %s' compares with '%s', which is not a number",
            column, op, value, value);
      }
    }
    List<Condition> c = new ArrayList<>(conditions);
    c.add(new Condition(column, op, value));
    return new Subset(c);
  }

  /**
   * @param text conditions joined by {@code &}, e.g. {@code difficulty=extreme|hard &
   *     tick_budget<=100}
   * @return the subset
   * @throws AnalysisException if a condition cannot be parsed
   */
  public static Subset parse(String text) {
    Subset s = all();
    if (text.isBlank()) {
      return s;
    }
    for (String part : text.split("&")) {
      Matcher m = CONDITION.matcher(part);
      if (!m.matches()) {
        throw AnalysisException.of(
            "Condition '%s' in subset '%s' is not of the form column=value (or != < <= > >=)",
            part.trim(), text);
      }
      s = s.and(m.group(1), m.group(2), m.group(3));
    }
    return s;
  }

  /**
   * @return per row, whether the run is in the subset
   */
  boolean[] rows(Runs runs) {
    boolean[] in = new boolean[runs.rowCount()];
    java.util.Arrays.fill(in, true);
    for (Condition c : conditions) {
      String[] text = runs.text(c.column());
      double[] num = c.op().contains("<") || c.op().contains(">") ? runs.numeric(c.column()) : null;
      for (int i = 0; i < in.length; i++) {
        in[i] = in[i] && c.test(text[i], num == null ? Double.NaN : num[i]);
      }
    }
    return in;
  }

  @Override
  public String toString() {
    if (conditions.isEmpty()) {
      return "all runs";
    }
    return String.join(" AND ", conditions.stream().map(Condition::toString).toList());
  }
}
