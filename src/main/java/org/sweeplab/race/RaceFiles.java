package org.sweeplab.race;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sweeplab.analysis.RaceResult;
import org.sweeplab.results.ResultColumn;
import org.sweeplab.results.ResultsContract;

/**
 * Writes a race into its folder after each round: {@code results.csv} gains the last column {@link
 * ResultsContract#RACE_ROUND_OUT} (the round each variation left in, empty for survivors), and
 * {@code summary.json} gains that column in its schema and a {@code "race"} object ({@link
 * RaceResult#toJson()}). Both files are written beside and moved into place; writing again replaces
 * the column and the object, so the files are the same however often a resume writes them.
 */
final class RaceFiles {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RaceFiles() {}

  static void write(Path dir, RaceResult race) {
    Path results = dir.resolve(ResultsContract.RESULTS_FILE);
    Path summary = dir.resolve(ResultsContract.SUMMARY_FILE);
    try {
      if (Files.isRegularFile(results)) {
        writeColumn(results, race.roundOut());
      }
      if (Files.isRegularFile(summary)) {
        writeSummary(summary, race);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the race into " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Rewrites the table with the race column last. Records are split at line ends outside quotes;
   * the variation id is the second field (sweeplab writes it unquoted, {@code var-0001}).
   */
  static void writeColumn(Path file, Map<String, Integer> roundOut) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".race.tmp");
    byte[] suffix = ("," + ResultsContract.RACE_ROUND_OUT).getBytes(StandardCharsets.US_ASCII);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
      ByteArrayOutputStream record = new ByteArrayOutputStream(256);
      boolean header = true;
      boolean hasColumn = false;
      boolean quoted = false;
      int b;
      while ((b = in.read()) >= 0) {
        if (b == '"') {
          quoted = !quoted;
        }
        if (b != '\n' || quoted) {
          record.write(b);
          continue;
        }
        byte[] rec = record.toByteArray();
        record.reset();
        int end = rec.length;
        if (header) {
          hasColumn = endsWith(rec, suffix);
          end = hasColumn ? rec.length - suffix.length : rec.length;
          out.write(rec, 0, end);
          out.write(suffix);
          header = false;
        } else {
          if (hasColumn) {
            end = lastComma(rec);
          }
          out.write(rec, 0, end);
          out.write(',');
          Integer round = roundOut.get(secondField(rec));
          if (round != null) {
            out.write(Integer.toString(round).getBytes(StandardCharsets.US_ASCII));
          }
        }
        out.write('\n');
      }
      if (record.size() > 0) {
        throw new IOException(file + " ends inside a record; it is not a table sweeplab wrote");
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static boolean endsWith(byte[] rec, byte[] suffix) {
    if (rec.length < suffix.length) {
      return false;
    }
    for (int i = 0; i < suffix.length; i++) {
      if (rec[rec.length - suffix.length + i] != suffix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The position of the last comma outside quotes (the race column's own field holds none). */
  private static int lastComma(byte[] rec) {
    for (int i = rec.length - 1; i >= 0; i--) {
      if (rec[i] == ',') {
        return i;
      }
      if (rec[i] == '"') {
        break;
      }
    }
    throw new IllegalStateException(
        "a record of the table has no race column: " + new String(rec, StandardCharsets.UTF_8));
  }

  private static String secondField(byte[] rec) {
    int first = -1;
    for (int i = 0; i < rec.length; i++) {
      if (rec[i] == ',') {
        if (first < 0) {
          first = i;
        } else {
          return new String(rec, first + 1, i - first - 1, StandardCharsets.UTF_8);
        }
      }
    }
    return "";
  }

  @SuppressWarnings("unchecked")
  static void writeSummary(Path file, RaceResult race) throws IOException {
    Map<String, Object> m = JSON.readValue(file.toFile(), LinkedHashMap.class);
    Object cols = m.get("columns");
    if (cols instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object c : list) {
        if (!(c instanceof Map<?, ?> cm && ResultsContract.RACE_ROUND_OUT.equals(cm.get("name")))) {
          out.add(c);
        }
      }
      ResultColumn rc = ResultsContract.RACE_COLUMN;
      Map<String, Object> col = new LinkedHashMap<>();
      // the same keys, in the same order, as the store writes for every other column
      Map<?, ?> like = list.isEmpty() || !(list.get(0) instanceof Map<?, ?> f) ? Map.of() : f;
      for (Object k : like.keySet()) {
        switch (String.valueOf(k)) {
          case "name" -> col.put("name", rc.name());
          case "type" -> col.put("type", rc.type().label());
          case "role" -> col.put("role", rc.role().label());
          default -> {}
        }
      }
      if (col.isEmpty()) {
        col.put("name", rc.name());
        col.put("type", rc.type().label());
        col.put("role", rc.role().label());
      }
      out.add(col);
      m.put("columns", out);
    }
    m.put("race", race.toJson());
    Path tmp = file.resolveSibling(file.getFileName() + ".race.tmp");
    Files.write(tmp, (JSON.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8));
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
