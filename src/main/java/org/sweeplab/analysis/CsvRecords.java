package org.sweeplab.analysis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the first records of a CSV file into Strings, for its header and for the sample that
 * decides each column's type. RFC 4180 quoting, CRLF and a UTF-8 byte-order mark are understood.
 * Internal; the bulk of a file is read by {@link CsvRangeParser}.
 */
final class CsvRecords {
  final List<String[]> records = new ArrayList<>();

  /** The offset just after the last complete record. */
  int end;

  private CsvRecords() {}

  /**
   * @return the length of a UTF-8 byte-order mark at the start of b (3), or 0
   */
  static int bom(byte[] b, int length) {
    return length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF
        ? 3
        : 0;
  }

  /**
   * @param b bytes of the file from {@code from}
   * @param limit the end of the bytes held
   * @param eof whether limit is the end of the file (so a last record without a line break counts)
   * @param max the most records to split
   * @return the complete records, empty lines left out
   */
  static CsvRecords split(byte[] b, int from, int limit, boolean eof, int max) {
    CsvRecords out = new CsvRecords();
    out.end = from;
    List<String> fields = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int i = from;
    while (out.records.size() < max && i < limit) {
      fields.clear();
      boolean complete = false;
      while (true) {
        cell.setLength(0);
        int fs = i;
        if (i < limit && b[i] == '"') {
          i++;
          int runStart = i;
          boolean closed = false;
          while (i < limit) {
            if (b[i] == '"') {
              if (i + 1 < limit && b[i + 1] == '"') {
                cell.append(new String(b, runStart, i + 1 - runStart, StandardCharsets.UTF_8));
                i += 2;
                runStart = i;
                continue;
              }
              closed = true;
              break;
            }
            i++;
          }
          if (!closed && !eof) {
            return out;
          }
          cell.append(
              new String(b, runStart, Math.min(i, limit) - runStart, StandardCharsets.UTF_8));
          i++;
          while (i < limit && b[i] != ',' && b[i] != '\n') {
            i++;
          }
        } else {
          while (i < limit && b[i] != ',' && b[i] != '\n') {
            i++;
          }
          int fe = i;
          if (fe > fs && b[fe - 1] == '\r' && (fe >= limit || b[fe] == '\n' || i >= limit)) {
            fe--;
          }
          cell.append(new String(b, fs, fe - fs, StandardCharsets.UTF_8));
        }
        if (i >= limit && !eof) {
          return out;
        }
        fields.add(cell.toString());
        if (i >= limit || b[i] == '\n') {
          i = Math.min(i + 1, limit);
          complete = true;
          break;
        }
        i++;
      }
      if (complete) {
        out.end = i;
        if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
          out.records.add(fields.toArray(String[]::new));
        }
      }
    }
    return out;
  }
}
