package org.sweeplab.notebook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Renders a Tablesaw {@link Table} as an HTML table for notebooks.
 *
 * <p>Numbers are right-aligned and rounded per column to {@code significantDigits} significant
 * digits of the column's largest shown magnitude (scientific notation below 1e-3 or from 1e7);
 * missing values show empty. A table longer than {@code headRows + tailRows} shows its first and
 * last rows with an ellipsis row, and a footer gives the row and column count. Immutable: {@code
 * HtmlTable.withDefaults().withRows(20, 5)}.
 */
public final class HtmlTable {

  private static final String STYLE =
      "border-collapse:collapse;font-size:12px;font-variant-numeric:tabular-nums";
  private final int headRows;
  private final int tailRows;
  private final int significantDigits;

  private HtmlTable(int headRows, int tailRows, int significantDigits) {
    this.headRows = headRows;
    this.tailRows = tailRows;
    this.significantDigits = significantDigits;
  }

  /** First 10 and last 5 rows of a long table, 4 significant digits. */
  public static HtmlTable withDefaults() {
    return new HtmlTable(10, 5, 4);
  }

  /**
   * @throws IllegalArgumentException if a count is negative or both are 0
   */
  public HtmlTable withRows(int head, int tail) {
    if (head < 0 || tail < 0 || head + tail == 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Rows shown (head %d, tail %d) must be >= 0 and not both 0",
              head,
              tail));
    }
    return new HtmlTable(head, tail, significantDigits);
  }

  /**
   * @throws IllegalArgumentException if digits is not in 1..15
   */
  public HtmlTable withSignificantDigits(int digits) {
    if (digits < 1 || digits > 15) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "Significant digits %d must be in 1..15", digits));
    }
    return new HtmlTable(headRows, tailRows, digits);
  }

  /** The HTML of the table: a {@code <div>} holding the {@code <table>} and its size footer. */
  public String render(Table table) {
    int rows = table.rowCount();
    boolean truncated = rows > headRows + tailRows;
    List<Integer> shown = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      if (!truncated || r < headRows || r >= rows - tailRows) {
        shown.add(r);
      }
    }
    List<Column<?>> columns = table.columns();
    List<ColumnFormat> formats = new ArrayList<>();
    for (Column<?> c : columns) {
      formats.add(ColumnFormat.of(c, shown, significantDigits));
    }
    StringBuilder html = new StringBuilder(256 + 64 * shown.size() * Math.max(1, columns.size()));
    html.append("<div class=\"sweeplab-table\"><table style=\"").append(STYLE).append("\">");
    if (table.name() != null && !table.name().isBlank()) {
      html.append("<caption style=\"text-align:left;font-weight:bold\">")
          .append(escape(table.name()))
          .append("</caption>");
    }
    html.append("<thead><tr>");
    for (int i = 0; i < columns.size(); i++) {
      html.append("<th style=\"text-align:")
          .append(formats.get(i).align())
          .append("\">")
          .append(escape(columns.get(i).name()))
          .append("</th>");
    }
    html.append("</tr></thead><tbody>");
    for (int k = 0; k < shown.size(); k++) {
      int r = shown.get(k);
      if (truncated && k == headRows) {
        html.append("<tr class=\"ellipsis\"><td colspan=\"")
            .append(columns.size())
            .append("\" style=\"text-align:center\">&#8942;</td></tr>");
      }
      html.append("<tr>");
      for (int i = 0; i < columns.size(); i++) {
        html.append("<td style=\"text-align:")
            .append(formats.get(i).align())
            .append("\">")
            .append(escape(formats.get(i).format(columns.get(i), r)))
            .append("</td>");
      }
      html.append("</tr>");
    }
    html.append("</tbody></table><p style=\"font-size:11px;color:#555\">")
        .append(footer(rows, columns.size(), truncated))
        .append("</p></div>");
    return html.toString();
  }

  private String footer(int rows, int columns, boolean truncated) {
    String size = String.format(Locale.ROOT, "%,d rows &times; %d columns", rows, columns);
    return truncated
        ? size
            + String.format(
                Locale.ROOT, " (showing the first %d and the last %d rows)", headRows, tailRows)
        : size;
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  /** How one column's cells are written: text as is, numbers rounded alike. */
  private record ColumnFormat(
      boolean numeric, boolean integral, int decimals, boolean scientific, int digits) {

    static ColumnFormat of(Column<?> column, List<Integer> rows, int digits) {
      if (!(column instanceof NumberColumn<?, ?> numbers)) {
        return new ColumnFormat(false, false, 0, false, digits);
      }
      ColumnType type = column.type();
      boolean integral =
          type == ColumnType.INTEGER || type == ColumnType.LONG || type == ColumnType.SHORT;
      double max = 0;
      for (int r : rows) {
        if (!numbers.isMissing(r)) {
          double v = Math.abs(numbers.getDouble(r));
          if (Double.isFinite(v)) {
            max = Math.max(max, v);
          }
        }
      }
      boolean scientific = !integral && max != 0 && (max < 1e-3 || max >= 1e7);
      int exponent = max == 0 ? 0 : (int) Math.floor(Math.log10(max));
      int decimals = Math.max(0, Math.min(12, digits - 1 - exponent));
      return new ColumnFormat(true, integral, decimals, scientific, digits);
    }

    String align() {
      return numeric ? "right" : "left";
    }

    String format(Column<?> column, int row) {
      if (column.isMissing(row)) {
        return "";
      }
      if (!numeric || integral) {
        return column.getString(row);
      }
      double v = ((NumberColumn<?, ?>) column).getDouble(row);
      if (!Double.isFinite(v)) {
        return Double.isNaN(v) ? "" : (v > 0 ? "inf" : "-inf");
      }
      if (scientific) {
        return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
      }
      return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
  }
}
