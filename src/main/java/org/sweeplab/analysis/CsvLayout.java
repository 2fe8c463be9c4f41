package org.sweeplab.analysis;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * The first pass of the parallel CSV reader: the data part of the file split into byte ranges, and
 * for each range the exact byte at which its first record starts and how many records start in it.
 * A line break inside a quoted field is not a record break; since a range does not know whether it
 * starts inside quotes, it counts its line breaks under both assumptions, and the ranges are then
 * resolved in order. Internal.
 */
final class CsvLayout {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
  private static final long NEWLINES = ONES * '\n';
  private static final long QUOTES = ONES * '"';

  /**
   * Per range: where its records start parsing (-1: no record starts in it) and how many records
   * start in it.
   */
  final long[] parseStart;

  final long[] parseEnd;
  final int[] records;
  final long end;

  private CsvLayout(long[] parseStart, long[] parseEnd, int[] records, long end) {
    this.parseStart = parseStart;
    this.parseEnd = parseEnd;
    this.records = records;
    this.end = end;
  }

  int ranges() {
    return records.length;
  }

  /**
   * What one range holds, under both assumptions about its first byte: line breaks and the first of
   * them, counted by the parity of the quotes seen before them within the range (index 0: the range
   * started outside quotes).
   */
  private static final class Scan {
    final long[] breaks = new long[2];
    final long[] first = {-1, -1};
    long quotes;
    int parity;
    boolean endsWithBreak;

    /**
     * Counts the quotes and line breaks of buf[from, to), a byte at a time; pos is the file offset
     * of buf[0].
     */
    void bytes(byte[] buf, int from, int to, long pos) {
      for (int j = from; j < to; j++) {
        byte b = buf[j];
        if (b == '"') {
          parity ^= 1;
          quotes++;
        } else if (b == '\n') {
          breaks[parity]++;
          if (first[parity] < 0) {
            first[parity] = pos + j;
          }
        }
      }
    }
  }

  /**
   * @param ch the file
   * @param start the first byte of the data (after the header)
   * @param end the file size
   * @param ranges how many ranges to cut (each is scanned on its own thread)
   * @param minRangeBytes the least bytes in a range (fewer ranges for a small file)
   * @throws AnalysisException if a range has more than {@link Integer#MAX_VALUE} records
   */
  static CsvLayout of(FileChannel ch, long start, long end, int ranges, long minRangeBytes)
      throws IOException, InterruptedException {
    int t = (int) Math.max(1, Math.min(ranges, (end - start) / Math.max(1, minRangeBytes)));
    long[] from = new long[t + 1];
    for (int i = 0; i <= t; i++) {
      from[i] = start + (end - start) * i / t;
    }
    Scan[] scans = new Scan[t];
    Parallel.run(t, i -> scans[i] = scan(ch, from[i], from[i + 1]));
    long[] parseStart = new long[t];
    long[] parseEnd = new long[t];
    int[] records = new int[t];
    int inQuotes = 0;
    int owner = -1;
    for (int i = 0; i < t; i++) {
      Scan s = scans[i];
      long breaks = s.breaks[inQuotes];
      long first = s.first[inQuotes];
      long count;
      if (i == 0) {
        parseStart[0] = start;
        count = start < end ? 1 + breaks : 0;
        owner = 0;
      } else if (first < 0) {
        parseStart[i] = -1;
        count = 0;
      } else {
        parseStart[i] = first + 1;
        parseEnd[owner] = first + 1;
        owner = i;
        count = breaks;
      }
      if (count > Integer.MAX_VALUE) {
        throw AnalysisException.of("More than %d rows in one part of the file", Integer.MAX_VALUE);
      }
      records[i] = (int) count;
      inQuotes ^= (int) (s.quotes & 1);
    }
    parseEnd[owner] = end;
    // A break as the very last byte starts no record.
    if (end > start && scans[t - 1].endsWithBreak && inQuotes == 0) {
      records[owner]--;
    }
    return new CsvLayout(parseStart, parseEnd, records, end);
  }

  private static Scan scan(FileChannel ch, long from, long to) throws IOException {
    Scan s = new Scan();
    byte[] buf = new byte[4 << 20];
    long pos = from;
    byte last = 0;
    while (pos < to) {
      int want = (int) Math.min(buf.length, to - pos);
      ByteBuffer bb = ByteBuffer.wrap(buf, 0, want);
      while (bb.hasRemaining()) {
        if (ch.read(bb, pos + bb.position()) < 0) {
          throw new IOException("The file ended early; was it changed while being read?");
        }
      }
      int i = 0;
      for (; i + 8 <= want; i += 8) {
        long w = (long) LONGS.get(buf, i);
        if (match(w, QUOTES) != 0) {
          s.bytes(buf, i, i + 8, pos);
          continue;
        }
        long n = match(w, NEWLINES);
        if (n != 0) {
          s.breaks[s.parity] += Long.bitCount(n);
          if (s.first[s.parity] < 0) {
            s.first[s.parity] = pos + i + (Long.numberOfTrailingZeros(n) >>> 3);
          }
        }
      }
      s.bytes(buf, i, want, pos);
      last = buf[want - 1];
      pos += want;
    }
    s.endsWithBreak = last == '\n';
    return s;
  }

  /**
   * @return a word with the high bit set in exactly the bytes of w that equal the byte in pattern
   */
  private static long match(long w, long pattern) {
    long x = w ^ pattern;
    return ~(((x & LOWS) + LOWS) | x | LOWS);
  }
}
