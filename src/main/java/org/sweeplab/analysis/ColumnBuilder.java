package org.sweeplab.analysis;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.List;
import org.sweeplab.results.ColumnType;

/**
 * The last step of the parallel CSV reader: the ranges' rows made contiguous (when empty lines left
 * gaps), their dictionaries merged into one per column in order of first appearance, and the
 * columns built. A numeric column whose odd cells are all numbers becomes a double column; one that
 * holds no number at all becomes a text column. Internal.
 */
final class ColumnBuilder {
  private ColumnBuilder() {}

  static List<RunColumn> build(
      List<String> header,
      ColumnType[] types,
      CsvRangeParser.Target target,
      CsvRangeParser[] parsers,
      CsvLayout layout) {
    int rows = compact(target, parsers, layout);
    int n = header.size();
    List<RunColumn> out = new ArrayList<>(n);
    for (int c = 0; c < n; c++) {
      IntArrayList oddRows = new IntArrayList();
      List<String> oddTexts = new ArrayList<>();
      for (CsvRangeParser p : parsers) {
        oddRows.addAll(p.oddRows[c]);
        oddTexts.addAll(p.oddTexts.get(c));
      }
      int kind = target.kinds[c];
      String name = header.get(c);
      if (kind == CsvRangeParser.SKIP) {
        continue;
      } else if (kind == CsvRangeParser.TEXT) {
        out.add(text(name, types[c], target.codes[c], parsers, c));
      } else if (kind == CsvRangeParser.LONG) {
        out.add(longs(name, types[c], trim(target.longs[c], rows), oddRows, oddTexts));
      } else {
        out.add(doubles(name, trim(target.doubles[c], rows), oddRows, oddTexts));
      }
      target.longs[c] = null;
      target.doubles[c] = null;
      target.codes[c] = null;
    }
    return out;
  }

  /**
   * Moves each range's rows down to follow the previous range's (a range holds fewer when it had
   * empty lines).
   */
  private static int compact(CsvRangeParser.Target t, CsvRangeParser[] parsers, CsvLayout layout) {
    int capacity = 0;
    int rows = 0;
    for (int i = 0; i < parsers.length; i++) {
      int have = parsers[i].rows;
      if (rows != capacity) {
        for (int c = 0; c < t.kinds.length; c++) {
          Object a =
              t.longs[c] != null ? t.longs[c] : t.doubles[c] != null ? t.doubles[c] : t.codes[c];
          if (a != null) {
            System.arraycopy(a, capacity, a, rows, have);
          }
        }
        int shift = capacity - rows;
        for (IntArrayList odd : parsers[i].oddRows) {
          for (int k = 0; k < odd.size(); k++) {
            odd.set(k, odd.getInt(k) - shift);
          }
        }
      }
      capacity += layout.records[i];
      rows += have;
    }
    return rows;
  }

  private static long[] trim(long[] a, int rows) {
    return a.length == rows ? a : java.util.Arrays.copyOf(a, rows);
  }

  private static double[] trim(double[] a, int rows) {
    return a.length == rows ? a : java.util.Arrays.copyOf(a, rows);
  }

  private static RunColumn text(
      String name, ColumnType type, int[] codes, CsvRangeParser[] parsers, int c) {
    int rows = 0;
    for (CsvRangeParser p : parsers) {
      rows += p.rows;
    }
    ByteKeyIndex global = parsers[0].dictionaries[c];
    int[][] remap = new int[parsers.length][];
    for (int i = 1; i < parsers.length; i++) {
      ByteKeyIndex local = parsers[i].dictionaries[c];
      remap[i] = new int[local.size()];
      for (int id = 0; id < remap[i].length; id++) {
        remap[i][id] = local.idIn(global, id);
      }
    }
    int[] starts = new int[parsers.length + 1];
    for (int i = 0; i < parsers.length; i++) {
      starts[i + 1] = starts[i] + parsers[i].rows;
    }
    Parallel.compute(
        parsers.length,
        i -> {
          int[] m = remap[i];
          if (m == null) {
            return;
          }
          for (int r = starts[i]; r < starts[i + 1]; r++) {
            int code = codes[r];
            if (code >= 0) {
              codes[r] = m[code];
            }
          }
        });
    String[] levels = new String[global.size()];
    for (int id = 0; id < levels.length; id++) {
      levels[id] = global.key(id);
    }
    int[] own = codes.length == rows ? codes : java.util.Arrays.copyOf(codes, rows);
    return new CategoryColumn(name, type, own, levels);
  }

  private static RunColumn longs(
      String name, ColumnType type, long[] values, IntArrayList oddRows, List<String> oddTexts) {
    if (oddRows.isEmpty()) {
      return NumberColumn.ofLongs(name, type, values, new int[0], new String[0]);
    }
    double[] d = new double[values.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = values[i] == NumberColumn.MISSING_LONG ? Double.NaN : values[i];
    }
    // Cells such as 1.5 in a column typed as integers: the column holds numbers, not integers.
    IntArrayList stillOdd = new IntArrayList();
    List<String> stillText = new ArrayList<>();
    for (int k = 0; k < oddRows.size(); k++) {
      double v = CsvRangeParser.parseNumber(oddTexts.get(k));
      if (Double.isNaN(v)) {
        stillOdd.add(oddRows.getInt(k));
        stillText.add(oddTexts.get(k));
      } else {
        d[oddRows.getInt(k)] = v;
      }
    }
    return doubles(name, d, stillOdd, stillText);
  }

  private static RunColumn doubles(
      String name, double[] values, IntArrayList oddRows, List<String> oddTexts) {
    if (!oddRows.isEmpty() && noNumber(values)) {
      // Text where numbers were expected, and no number at all: a text column.
      int[] codes = new int[values.length];
      java.util.Arrays.fill(codes, -1);
      it.unimi.dsi.fastutil.objects.Object2IntLinkedOpenHashMap<String> index =
          new it.unimi.dsi.fastutil.objects.Object2IntLinkedOpenHashMap<>();
      for (int k = 0; k < oddRows.size(); k++) {
        String t = oddTexts.get(k);
        int code = index.computeIfAbsent(t, x -> index.size());
        codes[oddRows.getInt(k)] = code;
      }
      return new CategoryColumn(
          name, ColumnType.STRING, codes, index.keySet().toArray(String[]::new));
    }
    return NumberColumn.ofDoubles(
        name, values, oddRows.toIntArray(), oddTexts.toArray(String[]::new));
  }

  private static boolean noNumber(double[] values) {
    for (double v : values) {
      if (!Double.isNaN(v)) {
        return false;
      }
    }
    return true;
  }
}
