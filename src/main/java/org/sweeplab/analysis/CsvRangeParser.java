package org.sweeplab.analysis;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.sweeplab.results.AsciiDecimal;

/**
 * The second pass of the parallel CSV reader: the records of one byte range parsed straight from
 * bytes into the shared column arrays, at this range's row offset. Numbers never become Strings;
 * text cells become codes of this range's own dictionary (merged afterwards). Quoted fields (RFC
 * 4180, {@code ""} inside), CRLF line ends and empty lines are understood. Internal.
 */
final class CsvRangeParser {
  static final int SKIP = 0;
  static final int LONG = 1;
  static final int DOUBLE = 2;
  static final int TEXT = 3;

  /** The shared destination: per column its kind and its array (one of them, by kind). */
  static final class Target {
    final int[] kinds;
    final long[][] longs;
    final double[][] doubles;
    final int[][] codes;
    final AtomicLong bytesDone = new AtomicLong();

    Target(int[] kinds, int rows) {
      this.kinds = kinds;
      longs = new long[kinds.length][];
      doubles = new double[kinds.length][];
      codes = new int[kinds.length][];
      for (int c = 0; c < kinds.length; c++) {
        switch (kinds[c]) {
          case LONG -> longs[c] = new long[rows];
          case DOUBLE -> doubles[c] = new double[rows];
          case TEXT -> codes[c] = new int[rows];
          default -> {}
        }
      }
    }
  }

  private final Target target;
  private final int base;
  private final int capacity;
  private final int columns;
  final ByteKeyIndex[] dictionaries;
  final IntArrayList[] oddRows;
  final List<List<String>> oddTexts;

  /** Rows parsed; when a row is bad, the byte offset where it starts and what is wrong. */
  int rows;

  long badOffset = -1;
  String badReason;
  private final int[] fieldStart;
  private final int[] fieldEnd;
  private final boolean[] fieldEscaped;
  private final int[] lastCode;
  private final byte[][] lastKey;
  private final int[] lastKeyLength;

  /** The first eight bytes of each column's last key (when it has at most eight), as one word. */
  private final long[] lastWord;

  private byte[] scratch = new byte[256];

  CsvRangeParser(Target target, int base, int capacity) {
    this.target = target;
    this.base = base;
    this.capacity = capacity;
    this.columns = target.kinds.length;
    dictionaries = new ByteKeyIndex[columns];
    oddRows = new IntArrayList[columns];
    oddTexts = new ArrayList<>(columns);
    lastCode = new int[columns];
    lastKey = new byte[columns][];
    lastKeyLength = new int[columns];
    lastWord = new long[columns];
    for (int c = 0; c < columns; c++) {
      if (target.kinds[c] == TEXT) {
        dictionaries[c] = new ByteKeyIndex();
        lastKey[c] = new byte[64];
        lastKeyLength[c] = -1;
      }
      oddRows[c] = new IntArrayList();
      oddTexts.add(new ArrayList<>());
    }
    fieldStart = new int[columns + 1];
    fieldEnd = new int[columns + 1];
    fieldEscaped = new boolean[columns + 1];
  }

  /** Parses the records that start in [from, to) of a file of {@code size} bytes. */
  void parse(FileChannel ch, long from, long to, long size) throws IOException {
    byte[] buf = new byte[8 << 20];
    long bufStart = from;
    int len = 0;
    long pos = from;
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
        if (bufStart + p >= to) {
          target.bytesDone.addAndGet(p);
          return;
        }
        int next = record(buf, p, limit, eof);
        if (next < 0) {
          break;
        }
        if (badOffset >= 0) {
          badOffset = bufStart + p;
          return;
        }
        p = next;
      }
      target.bytesDone.addAndGet(p);
      if (eof) {
        return;
      }
      len = limit - p;
      if (len == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      System.arraycopy(buf, p, buf, 0, len);
      bufStart += p;
    }
  }

  /**
   * Parses the record at p.
   *
   * @return the index after its line break (limit at the end of the file); -1 when the record is
   *     incomplete
   */
  private int record(byte[] b, int p, int limit, boolean eof) {
    int col = 0;
    int i = p;
    while (true) {
      int fs = i;
      int fe;
      boolean escaped = false;
      if (i < limit && b[i] == '"') {
        i++;
        while (true) {
          if (i >= limit) {
            if (!eof) {
              return -1;
            }
            break;
          }
          if (b[i] == '"') {
            if (i + 1 < limit && b[i + 1] == '"') {
              escaped = true;
              i += 2;
              continue;
            }
            if (i + 1 >= limit && !eof) {
              return -1;
            }
            break;
          }
          i++;
        }
        fs++;
        fe = Math.min(i, limit);
        i++;
        while (i < limit && b[i] != ',' && b[i] != '\n') {
          i++;
        }
      } else {
        i = delimiter(b, i, limit);
        fe = i;
      }
      if (i >= limit && !eof) {
        return -1;
      }
      boolean last = i >= limit || b[i] == '\n';
      if (last
          && fe > fs
          && b[fe - 1] == '\r'
          && (i >= limit || b[i] == '\n')
          && !quotedEnd(b, fs, fe)) {
        fe--;
      }
      if (col <= columns) {
        fieldStart[col] = fs;
        fieldEnd[col] = fe;
        fieldEscaped[col] = escaped;
      }
      col++;
      if (last) {
        int next = Math.min(i + 1, limit);
        if (col == 1 && fe == fs) {
          return next; // an empty line
        }
        if (col != columns) {
          badOffset = 0;
          badReason =
              String.format(
                  java.util.Locale.ROOT, "has %d fields; the header has %d", col, columns);
          return next;
        }
        if (rows >= capacity) {
          badOffset = 0;
          badReason =
              "is one more row than the first pass counted; was the file changed while being read?";
          return next;
        }
        store(b);
        rows++;
        return next;
      }
      i++;
    }
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
  private static final long COMMAS = 0x0101010101010101L * ',';
  private static final long BREAKS = 0x0101010101010101L * '\n';

  /**
   * @return the index of the first comma or line break at or after i, or limit; eight bytes at a
   *     time
   */
  static int delimiter(byte[] b, int i, int limit) {
    while (i + 8 <= limit) {
      long w = (long) LONGS.get(b, i);
      long x = w ^ COMMAS;
      long y = w ^ BREAKS;
      long hit = ~(((x & LOWS) + LOWS) | x | LOWS) | ~(((y & LOWS) + LOWS) | y | LOWS);
      if (hit != 0) {
        return i + (Long.numberOfTrailingZeros(hit) >>> 3);
      }
      i += 8;
    }
    while (i < limit && b[i] != ',' && b[i] != '\n') {
      i++;
    }
    return i;
  }

  private static boolean quotedEnd(byte[] b, int fs, int fe) {
    return fs > 0 && b[fs - 1] == '"' && fe < b.length && b[fe] == '"';
  }

  private void store(byte[] b) {
    int row = base + rows;
    int[] kinds = target.kinds;
    for (int c = 0; c < columns; c++) {
      int k = kinds[c];
      if (k == SKIP) {
        continue;
      }
      int fs = fieldStart[c];
      int fe = fieldEnd[c];
      if (k == TEXT) {
        target.codes[c][row] = fe == fs ? -1 : code(c, b, fs, fe);
      } else if (k == LONG) {
        target.longs[c][row] = fe == fs ? NumberColumn.MISSING_LONG : parseLong(c, b, fs, fe, row);
      } else {
        target.doubles[c][row] = fe == fs ? Double.NaN : parseDouble(c, b, fs, fe, row);
      }
    }
  }

  private int code(int c, byte[] b, int fs, int fe) {
    if (fieldEscaped[c]) {
      int n = unescape(b, fs, fe);
      return dictionaries[c].id(scratch, 0, n);
    }
    int len = fe - fs;
    if (len <= 8 && fs + 8 <= b.length) {
      // Most cells repeat the cell above, and most categories fit in eight bytes: one word
      // compared instead of a range compare, which costs calls and checks without C2 (a sixth of
      // the read of a 10M-row file went there).
      if (len == lastKeyLength[c] && ((long) LONGS.get(b, fs) & WORD_MASK[len]) == lastWord[c]) {
        return lastCode[c];
      }
    } else if (len == lastKeyLength[c] && Arrays.equals(b, fs, fe, lastKey[c], 0, len)) {
      return lastCode[c];
    }
    int id = dictionaries[c].id(b, fs, fe);
    byte[] last = lastKey[c];
    if (len > last.length) {
      last = new byte[len * 2];
      lastKey[c] = last;
    }
    System.arraycopy(b, fs, last, 0, len);
    lastKeyLength[c] = len;
    lastCode[c] = id;
    // lastKey holds at least eight bytes, so its first word is always there to read.
    lastWord[c] = len <= 8 ? (long) LONGS.get(last, 0) & WORD_MASK[len] : 0;
    return id;
  }

  /** For n = 0..8, the low n bytes of a little-endian word. */
  private static final long[] WORD_MASK = new long[9];

  static {
    for (int n = 0; n < 8; n++) {
      WORD_MASK[n] = (1L << (8 * n)) - 1;
    }
    WORD_MASK[8] = -1L;
  }

  /** Copies the field into scratch with each {@code ""} made one quote; @return its length */
  private int unescape(byte[] b, int fs, int fe) {
    if (scratch.length < fe - fs) {
      scratch = new byte[(fe - fs) * 2];
    }
    int n = 0;
    for (int i = fs; i < fe; i++) {
      scratch[n++] = b[i];
      if (b[i] == '"' && i + 1 < fe && b[i + 1] == '"') {
        i++;
      }
    }
    return n;
  }

  private String text(int c, byte[] b, int fs, int fe) {
    if (fieldEscaped[c]) {
      int n = unescape(b, fs, fe);
      return new String(scratch, 0, n, StandardCharsets.UTF_8);
    }
    return new String(b, fs, fe - fs, StandardCharsets.UTF_8);
  }

  private long parseLong(int c, byte[] b, int fs, int fe, int row) {
    int i = fs;
    boolean neg = false;
    if (b[i] == '-' || b[i] == '+') {
      neg = b[i] == '-';
      i++;
    }
    if (i < fe && fe - i <= 18) {
      long v = 0;
      while (i < fe) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        v = v * 10 + d;
        i++;
      }
      if (i == fe) {
        return neg ? -v : v;
      }
    }
    String s = text(c, b, fs, fe).strip();
    try {
      long v = Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
      if (v != NumberColumn.MISSING_LONG) {
        return v;
      }
    } catch (NumberFormatException e) {
      // not an integer: kept as text, widened to double or text when the column is built
    }
    if (isMissingText(s)) {
      return NumberColumn.MISSING_LONG;
    }
    odd(c, row, s);
    return NumberColumn.MISSING_LONG;
  }

  private double parseDouble(int c, byte[] b, int fs, int fe, int row) {
    double exact = AsciiDecimal.exact(b, fs, fe);
    if (!Double.isNaN(exact)) {
      return exact;
    }
    String s = text(c, b, fs, fe).strip();
    double v = parseNumber(s);
    if (Double.isNaN(v) && !isMissingText(s)) {
      odd(c, row, s);
    }
    return v;
  }

  /**
   * @return the number a cell holds (R's and pandas' spellings of infinity included), NaN when it
   *     is none
   */
  static double parseNumber(String s) {
    switch (s) {
      case "Inf", "inf", "+Inf", "+inf", "Infinity", "+Infinity" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-Inf", "-inf", "-Infinity" -> {
        return Double.NEGATIVE_INFINITY;
      }
      default -> {}
    }
    if (s.isEmpty() || !(Character.isDigit(s.charAt(s.length() - 1)) || s.endsWith("."))) {
      return Double.NaN; // Double.parseDouble would take "1d", "0x1p3" or "NaN"
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /**
   * @return whether the text stands for a missing number: NA, NaN, null and the like
   */
  static boolean isMissingText(String s) {
    return switch (s) {
      case "", "NA", "N/A", "NaN", "nan", "NAN", "null", "NULL", "None" -> true;
      default -> false;
    };
  }

  private void odd(int c, int row, String s) {
    oddRows[c].add(row);
    oddTexts.get(c).add(s);
  }
}
