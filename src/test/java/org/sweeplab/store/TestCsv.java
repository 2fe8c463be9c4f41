package org.sweeplab.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: results.csv with one column blanked (e.g. duration_ms), parsing quotes properly. */
public final class TestCsv {
  private TestCsv() {}

  public static String withoutColumn(Path csv, String column) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = split(lines.get(0));
    int col = header.indexOf(column);
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      List<String> f = split(line);
      if (col >= 0) {
        f.set(col, "");
      }
      sb.append(String.join("|", f)).append('\n');
    }
    return sb.toString();
  }

  /** Splits one CSV line (no embedded newlines) into raw field texts, quotes kept. */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
        cur.append(c);
      } else if (c == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
