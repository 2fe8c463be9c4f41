package org.sweeplab.analysis;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One thread's share of {@link LargeCsvSummary}: a range of a CSV file parsed in one pass over bytes into grouped
 * primitive accumulators (run and ok counts, compensated cost sums, and the metric values of ok runs with their group
 * numbers). Internal.
 */
final class CsvChunk {
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private static final int BUFFER = 8 << 20;
  final ByteKeyIndex keys = new ByteKeyIndex();
  final int[] cols;
  final int lastCol;
  final int[] roleOf;
  final byte[] ok;
  long[] runs = new long[1024];
  long[] okCount = new long[1024];
  double[] costSum = new double[1024];
  double[] costComp = new double[1024];
  double[] values;
  int[] valueGroup;
  int valueCount;
  private final int[] start = new int[4];
  private final int[] end = new int[4];
  private int lastGroup = -1;
  private byte[] lastKey = new byte[64];
  private int lastKeyLen = -1;

  /**
   * @param cols the column numbers of the group, status, metric and cost (-1 for none)
   * @param ok the ok status as bytes
   * @param expectedRows the initial capacity of the metric arrays, so they rarely grow
   */
  CsvChunk(int[] cols, byte[] ok, int expectedRows) {
    values = new double[expectedRows];
    valueGroup = new int[expectedRows];
    this.cols = cols;
    this.ok = ok;
    this.lastCol = Arrays.stream(cols).max().getAsInt();
    this.roleOf = new int[lastCol + 1];
    Arrays.fill(roleOf, -1);
    for (int r = 0; r < cols.length; r++) {
      if (cols[r] >= 0) {
        roleOf[cols[r]] = r;
      }
    }
  }

  void parse(FileChannel ch, long from, long to, boolean skipFirst, long size) throws IOException {
    byte[] buf = new byte[BUFFER];
    long pos = skipFirst ? from - 1 : from;
    long lineStart = pos;
    boolean skipping = skipFirst;
    int len = 0;
    while (true) {
      int read = 0;
      if (pos < size) {
        read = Math.max(0, ch.read(ByteBuffer.wrap(buf, len, buf.length - len), pos));
        pos += read;
      }
      int limit = len + read;
      boolean eof = pos >= size;
      int p = 0;
      while (p < limit) {
        if (!skipping && lineStart >= to) {
          return;
        }
        int next = line(buf, p, limit, eof, !skipping);
        if (next < 0) {
          break;
        }
        skipping = false;
        lineStart += next - p;
        p = next;
      }
      if (eof || !skipping && lineStart >= to) {
        return;
      }
      len = limit - p;
      if (len == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      System.arraycopy(buf, p, buf, 0, len);
    }
  }

  /**
   * Parses the line at p in one pass, quotes respected.
   *
   * @return the index after its line break (or limit at the end of the file); -1 when the line is incomplete
   */
  private int line(byte[] b, int p, int limit, boolean eof, boolean process) {
    int col = 0;
    int i = p;
    while (true) {
      int fs = i;
      int fe;
      if (i < limit && b[i] == '"') {
        i++;
        while (true) {
          if (i >= limit) {
            return eof ? limit : -1;
          }
          if (b[i] == '"') {
            if (i + 1 < limit && b[i + 1] == '"') {
              i += 2;
              continue;
            }
            break;
          }
          i++;
        }
        fs++;
        fe = i;
        i++;
        while (i < limit && b[i] != ',' && b[i] != '\n') {
          i++;
        }
      } else {
        while (i < limit && b[i] != ',' && b[i] != '\n') {
          i++;
        }
        fe = i;
      }
      if (i >= limit && !eof) {
        return -1;
      }
      boolean last = i >= limit || b[i] == '\n';
      if (last && fe > fs && b[fe - 1] == '\r') {
        fe--;
      }
      if (col < roleOf.length && roleOf[col] >= 0) {
        start[roleOf[col]] = fs;
        end[roleOf[col]] = fe;
      }
      col++;
      if (last) {
        if (process && !(col == 1 && fe == fs)) {
          if (col <= lastCol) {
            throw AnalysisException.of("A line has %d fields; column %d is needed: '%s'", col, lastCol + 1,
                new String(b, p, Math.min(i - p, 200), StandardCharsets.UTF_8));
          }
          row(b);
        }
        return Math.min(i + 1, limit);
      }
      i++;
    }
  }

  private void row(byte[] b) {
    int g = group(b, start[0], end[0]);
    runs[g]++;
    if (cols[3] >= 0 && end[3] > start[3]) {
      double c = parseDouble(b, start[3], end[3]);
      double y = c - costComp[g];
      double t = costSum[g] + y;
      costComp[g] = (t - costSum[g]) - y;
      costSum[g] = t;
    }
    if (!Arrays.equals(b, start[1], end[1], ok, 0, ok.length)) {
      return;
    }
    okCount[g]++;
    if (end[2] == start[2]) {
      return;
    }
    double v = parseDouble(b, start[2], end[2]);
    if (Double.isNaN(v)) {
      return;
    }
    if (valueCount == values.length) {
      values = Arrays.copyOf(values, valueCount * 2);
      valueGroup = Arrays.copyOf(valueGroup, valueCount * 2);
    }
    values[valueCount] = v;
    valueGroup[valueCount++] = g;
  }

  private int group(byte[] b, int from, int to) {
    int len = to - from;
    if (len == lastKeyLen && Arrays.equals(b, from, to, lastKey, 0, len)) {
      return lastGroup;
    }
    int g = keys.id(b, from, to);
    if (g == runs.length) {
      int n = runs.length * 2;
      runs = Arrays.copyOf(runs, n);
      okCount = Arrays.copyOf(okCount, n);
      costSum = Arrays.copyOf(costSum, n);
      costComp = Arrays.copyOf(costComp, n);
    }
    if (len > lastKey.length) {
      lastKey = new byte[len * 2];
    }
    System.arraycopy(b, from, lastKey, 0, len);
    lastKeyLen = len;
    lastGroup = g;
    return g;
  }

  /** Parses a decimal number exactly when it fits the fast path, else with {@link Double#parseDouble}. */
  static double parseDouble(byte[] b, int from, int to) {
    int i = from;
    boolean neg = false;
    if (b[i] == '-' || b[i] == '+') {
      neg = b[i] == '-';
      i++;
    }
    long m = 0;
    int digits = 0;
    int exp = 0;
    boolean any = false;
    boolean exact = true;
    while (i < to && b[i] >= '0' && b[i] <= '9') {
      if (digits < 18) {
        m = m * 10 + (b[i] - '0');
        if (m > 0) {
          digits++;
        }
      } else {
        exact = false;
      }
      any = true;
      i++;
    }
    if (i < to && b[i] == '.') {
      i++;
      while (i < to && b[i] >= '0' && b[i] <= '9') {
        if (digits < 18) {
          m = m * 10 + (b[i] - '0');
          if (m > 0) {
            digits++;
          }
          exp--;
        } else {
          exact = false;
        }
        any = true;
        i++;
      }
    }
    if (i == to && any && exact && m < (1L << 53) && exp >= -22 && exp <= 22) {
      double v = exp < 0 ? m / POW10[-exp] : m * POW10[exp];
      return neg ? -v : v;
    }
    String s = new String(b, from, to - from, StandardCharsets.US_ASCII).trim();
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw AnalysisException.of("'%s' is not a number", s);
    }
  }
}
