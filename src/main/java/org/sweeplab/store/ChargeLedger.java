package org.sweeplab.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sweeplab.run.PlannedRun;
import org.sweeplab.space.VariationKeys;

/**
 * {@code charges.jsonl}: one line per charge, of every attempt of every run, written with one
 * system call as the charge happens, so a crash (even {@code kill -9}) keeps the money spent by
 * runs in flight. A line: {@code
 * {"run_id":"var-0001-run-001","variation_key":"…","replicate":1,"attempt":1,"cost":0.5}}. The
 * spend of a run is the larger of its record's cost and the sum of its charges (which also holds
 * the charges of earlier sessions and of replaced records); see docs/budgets.md.
 */
final class ChargeLedger implements Closeable {
  /** Reads lines of an existing ledger; made on first use (a ledger without lines needs none). */
  private static final class Reader {
    static final ObjectMapper JSON = new ObjectMapper();
  }

  /** Opened by {@link AppendFile}: runs may charge from threads being interrupted. */
  private final RandomAccessFile out;

  private final ByteLine line = new ByteLine();

  private ChargeLedger(RandomAccessFile out) {
    this.out = out;
  }

  /**
   * Opens the ledger for appending, after cutting a torn last line (a crash in the middle of a
   * write) off.
   */
  static ChargeLedger open(Path file) throws IOException {
    return new ChargeLedger(AppendFile.open(file, ChargeLedger::completeLength));
  }

  /** Appends one charge; thread-safe; the line reaches the operating system before this returns. */
  void append(PlannedRun run, int attempt, double amount) throws IOException {
    append(run.runId(), run.variation().key(), run.replicate(), attempt, amount, null, 0);
  }

  /**
   * Appends one charge, with its origin when {@code spool} is not null: cost line {@code spoolLine}
   * of that stdout spool file ({@code "spool"} and {@code "line"} in the ledger line). Thread-safe;
   * the line reaches the operating system before this returns.
   */
  synchronized void append(
      String runId,
      String variationKey,
      int replicate,
      int attempt,
      double amount,
      String spool,
      long spoolLine)
      throws IOException {
    line.reset();
    line.ascii("{\"run_id\":")
        .jsonString(runId)
        .ascii(",\"variation_key\":\"")
        .ascii(variationKey)
        .ascii("\",\"replicate\":")
        .number(replicate)
        .ascii(",\"attempt\":")
        .number(attempt);
    if (spool != null) {
      line.ascii(",\"spool\":").jsonString(spool).ascii(",\"line\":").number(spoolLine);
    }
    line.ascii(",\"cost\":");
    JournalFormat.number(line, amount);
    line.ascii("}\n");
    out.write(line.array(), 0, line.length()); // one write(2): a kill -9 after it keeps the line
  }

  /**
   * The spool lines the ledger in {@code file} holds charges for: spool file name to the set of its
   * line numbers. Lines that do not parse are skipped (the loader warns about them).
   */
  static Map<String, Set<Long>> spooledLines(Path file) throws IOException {
    Map<String, Set<Long>> out = new HashMap<>();
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return out;
    }
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String s = r.readLine(); s != null; s = r.readLine()) {
        if (!s.contains("\"spool\"")) {
          continue;
        }
        try {
          JsonNode n = Reader.JSON.readTree(s);
          if (n.path("spool").isTextual() && n.path("line").canConvertToLong()) {
            out.computeIfAbsent(n.get("spool").asText(), k -> new HashSet<>())
                .add(n.get("line").asLong());
          }
        } catch (IOException e) {
          // a torn or foreign line: load() warns about it
        }
      }
    }
    return out;
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }

  /**
   * Adds the charges in {@code file} (if any) to {@code columns}, matching runs to the plan by
   * content key (charges of runs no longer in the plan are left out, like their records);
   * unreadable lines give a warning.
   */
  static void load(
      Path file,
      Long2LongOpenHashMap index,
      int replicates,
      RunColumns columns,
      List<String> warnings)
      throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    long lineNo = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String s = r.readLine(); s != null; s = r.readLine()) {
        lineNo++;
        if (s.isBlank()) {
          continue;
        }
        JsonNode n;
        try {
          n = Reader.JSON.readTree(s);
        } catch (IOException e) {
          warnings.add(
              "charges.jsonl line "
                  + lineNo
                  + " is not a valid charge and was skipped (a torn last line"
                  + " after a crash is cut off on the next run)");
          continue;
        }
        String key = n.path("variation_key").asText("");
        double cost = n.path("cost").asDouble(Double.NaN);
        if (key.length() != 32 || !(cost >= 0) || Double.isInfinite(cost)) {
          warnings.add(
              "charges.jsonl line "
                  + lineNo
                  + " lacks a variation_key or a finite cost >= 0 and was"
                  + " skipped");
          continue;
        }
        long v = index.get(VariationKeys.shortKey(key));
        int replicate = n.path("replicate").asInt(0);
        if (v >= 0 && replicate >= 1 && replicate <= replicates) {
          columns.addCharge(
              v * replicates + replicate - 1, Math.max(1, n.path("attempt").asInt(1)), cost);
        }
      }
    }
  }

  /** The length of the ledger up to and including its last newline. */
  private static long completeLength(FileChannel ch) throws IOException {
    long size = ch.size();
    ByteBuffer b = ByteBuffer.allocate(4096);
    for (long end = size; end > 0; ) {
      long start = Math.max(0, end - b.capacity());
      b.clear().limit((int) (end - start));
      ch.read(b, start);
      for (int i = (int) (end - start) - 1; i >= 0; i--) {
        if (b.get(i) == '\n') {
          return start + i + 1;
        }
      }
      end = start;
    }
    return 0;
  }
}
