package org.sweeplab.analysis;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link ResultTable} as the analysis's files hold it: CSV (RFC 4180 quoting; missing and NaN
 * cells empty; whole numbers below 1e15 without a point, other numbers in their shortest round-trip
 * form) and JSON (an array of one object per row, as Jackson's generator writes it with its default
 * pretty printer: missing, NaN and infinite values null). Both files of one table are written in
 * one pass, each number formatted once: at 100,000 rows the generator's work per token and the
 * second formatting of every number were most of the time of the data files. Internal.
 */
final class TableFiles {
  private TableFiles() {}

  private static final int CHUNK = 1 << 16;
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /**
   * Writes the table as CSV into csvFile and as JSON into jsonFile; either may be null for none.
   *
   * @throws IOException if a file cannot be written
   */
  static void write(ResultTable t, Path csvFile, Path jsonFile) throws IOException {
    List<ResultTableColumn> columns = t.columns();
    int n = columns.size();
    String[] field = new String[n];
    for (int c = 0; c < n; c++) {
      field[c] = (c == 0 ? "{\n  " : ",\n  ") + json(columns.get(c).name()) + " : ";
    }
    // Lines gathered into chunks of text, each encoded once: a buffered Writer copied every cell
    // into chars and encoded them again.
    try (OutputStream csv = csvFile == null ? null : Files.newOutputStream(csvFile);
        OutputStream json = jsonFile == null ? null : Files.newOutputStream(jsonFile)) {
      StringBuilder cb = new StringBuilder(CHUNK + 512);
      StringBuilder jb = new StringBuilder(CHUNK + 512);
      for (int c = 0; c < n; c++) {
        cb.append(c > 0 ? "," : "").append(quote(columns.get(c).name()));
      }
      cb.append('\n');
      jb.append('[');
      for (int i = 0; i < t.rowCount(); i++) {
        jb.append(i == 0 ? " " : ", ");
        for (int c = 0; c < n; c++) {
          ResultTableColumn col = columns.get(c);
          String text = cell(col, i);
          if (c > 0) {
            cb.append(',');
          }
          // A number's text holds no comma, quote or line break.
          cb.append(col.isNumeric() ? text : quote(text));
          jb.append(field[c]);
          appendJson(col, i, text, jb);
        }
        jb.append(n == 0 ? "{ }" : "\n}");
        cb.append('\n');
        if (cb.length() >= CHUNK) {
          flush(cb, csv);
        }
        if (jb.length() >= CHUNK) {
          flush(jb, json);
        }
      }
      jb.append(" ]");
      flush(cb, csv);
      flush(jb, json);
    }
  }

  private static void flush(StringBuilder b, OutputStream out) throws IOException {
    if (out != null) {
      out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }
    b.setLength(0);
  }

  /**
   * @return the cell as CSV text: empty when missing or NaN, whole numbers below 1e15 without a
   *     point, other numbers in their shortest round-trip form, booleans {@code true} or {@code
   *     false}
   */
  static String cell(ResultTableColumn c, int i) {
    if (c.isMissing(i)) {
      return "";
    }
    if (c.isNumeric()) {
      double x = c.number(i);
      return x == Math.rint(x) && Math.abs(x) < 1e15
          ? Long.toString((long) x)
          : NumberOutput.toString(x, true);
    }
    return c.text(i);
  }

  /** The cell as a JSON value, given its CSV text (whose shortest form a fraction shares). */
  private static void appendJson(ResultTableColumn c, int i, String text, StringBuilder out) {
    if (c.isMissing(i)) {
      out.append("null");
      return;
    }
    switch (c.type()) {
      case INTEGER, LONG -> out.append(c.longValue(i));
      case DOUBLE -> {
        double d = c.number(i);
        if (Double.isInfinite(d)) {
          out.append("null");
        } else if (d != Math.rint(d)) {
          out.append(text);
        } else {
          out.append(NumberOutput.toString(d, true));
        }
      }
      case BOOLEAN -> out.append(c.number(i) != 0);
      case STRING -> appendJsonString(c.text(i), out);
    }
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2);
    appendJsonString(s, b);
    return b.toString();
  }

  /**
   * A JSON string, escaped as Jackson's UTF-8 generator escapes it: quote, backslash, control
   * characters and (each half of a pair on its own) surrogates.
   */
  private static void appendJsonString(String s, StringBuilder out) {
    out.append('"');
    for (int k = 0; k < s.length(); k++) {
      char ch = s.charAt(k);
      if (ch >= 0x20 && ch != '"' && ch != '\\' && !Character.isSurrogate(ch)) {
        out.append(ch);
        continue;
      }
      out.append('\\');
      switch (ch) {
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case '\b' -> out.append('b');
        case '\t' -> out.append('t');
        case '\n' -> out.append('n');
        case '\f' -> out.append('f');
        case '\r' -> out.append('r');
        default ->
            out.append('u')
                .append(HEX[ch >> 12])
                .append(HEX[(ch >> 8) & 0xF])
                .append(HEX[(ch >> 4) & 0xF])
                .append(HEX[ch & 0xF]);
      }
    }
    out.append('"');
  }

  private static String quote(String s) {
    return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
        ? "\"" + s.replace("\"", "\"\"") + "\""
        : s;
  }
}
