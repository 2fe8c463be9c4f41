package org.sweeplab.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sweeplab.results.ColumnType;
import org.sweeplab.results.ResultColumn;
import org.sweeplab.results.ResultsContract;

/**
 * Reads runs from a sweep folder or from any CSV file into the columnar {@link Runs}: a sweep
 * folder's {@code results.csv} is typed by the schema in its {@code summary.json}; any other CSV is
 * typed from its first rows (integers, numbers, booleans, else text) and its roles are inferred
 * (see {@link Runs}). Immutable and configured: {@code
 * RunsReader.withDefaults().withThreads(1).read(path)}.
 *
 * <p>The file is read in parallel over byte ranges in two passes: the first finds where each
 * range's records start (line breaks inside quoted fields are not record breaks), the second parses
 * each range straight from bytes into primitive column arrays at its exact row offset. Memory is
 * the final columns plus a few buffers: 8 bytes per row for each numeric column and 4 per text
 * column.
 *
 * <p>Quoted fields with embedded line breaks, CRLF and a UTF-8 byte-order mark are understood;
 * empty lines are skipped. A row with another number of fields than the header is an {@link
 * AnalysisException} naming its line.
 */
public final class RunsReader {
  private static final int SAMPLE_BYTES = 1 << 20;
  private static final int SAMPLE_ROWS = 10_000;
  private static final RunsReader DEFAULT = new RunsReader(Parallel.threads(), null, Set.of());

  private final int threads;
  private final LoadProgress progress;
  private final Set<String> skipped;
  private long minRangeBytes = 1 << 20;

  private RunsReader(int threads, LoadProgress progress, Set<String> skipped) {
    this.threads = threads;
    this.progress = progress;
    this.skipped = skipped;
  }

  /** How far a long read has got, reported a few times a second. */
  @FunctionalInterface
  public interface LoadProgress {
    /**
     * @param file the file being read
     * @param bytesRead bytes parsed so far
     * @param totalBytes the file's size
     * @param done whether the read has finished (the last call)
     */
    void update(Path file, long bytesRead, long totalBytes, boolean done);
  }

  /**
   * @return a reader on all available processors, without progress
   */
  public static RunsReader withDefaults() {
    return DEFAULT;
  }

  /**
   * @param n threads to read with, at least 1
   */
  public RunsReader withThreads(int n) {
    if (n < 1) {
      throw AnalysisException.of("Threads %d < 1; give 1 or more", n);
    }
    return new RunsReader(n, progress, skipped);
  }

  /**
   * @param listener told of a long read's progress, or null for none
   */
  public RunsReader withProgress(LoadProgress listener) {
    return new RunsReader(threads, listener, skipped);
  }

  /**
   * @param columns columns not to load (absent ones are ignored): the runs will not have them, and
   *     reading is faster; for callers that know which columns they need, such as {@code analyze}
   */
  public RunsReader withoutColumns(String... columns) {
    return new RunsReader(threads, progress, Set.of(columns));
  }

  /**
   * @return a copy that cuts the file into ranges of at least this many bytes (1 MiB by default);
   *     for tests
   */
  RunsReader withMinRangeBytes(long bytes) {
    RunsReader r = new RunsReader(threads, progress, skipped);
    r.minRangeBytes = bytes;
    return r;
  }

  /**
   * @param path a CSV or Parquet file, or a sweep folder holding {@code results.csv} (or only
   *     {@code results.parquet})
   * @return the runs, with their roles from the folder's schema or inferred
   * @throws AnalysisException if there is no such file, it has no header, or a row is ragged
   * @throws UncheckedIOException if the file cannot be read
   */
  public Runs read(Path path) {
    Path file = Files.isDirectory(path) ? path.resolve(ResultsContract.RESULTS_FILE) : path;
    if (Files.isDirectory(path)
        && !Files.isRegularFile(file)
        && Files.isRegularFile(path.resolve(ParquetRuns.FILE))) {
      return ParquetRuns.read(path.resolve(ParquetRuns.FILE));
    }
    if (isParquet(file)) {
      return ParquetRuns.read(file);
    }
    if (!Files.isRegularFile(file)) {
      throw Files.isDirectory(path)
          ? AnalysisException.of(
              "%s has no %s; is it a sweep output folder whose sweep has finished?",
              path, ResultsContract.RESULTS_FILE)
          : AnalysisException.of(
              "No such file or folder: %s; give a CSV file or a sweep output folder", path);
    }
    String name = file.getFileName().toString();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return read(ch, file, name);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading " + file, e);
    }
  }

  /** Whether a file starts with Parquet's magic bytes {@code PAR1}. */
  static boolean isParquet(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate(4);
      while (b.hasRemaining() && ch.read(b) >= 0) {
        // fill the four bytes, or stop at the end of a shorter file
      }
      return b.position() == 4
          && b.get(0) == 'P'
          && b.get(1) == 'A'
          && b.get(2) == 'R'
          && b.get(3) == '1';
    } catch (IOException e) {
      return false;
    }
  }

  /** The column names of a CSV file's header line. */
  static List<String> header(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      byte[] head = new byte[(int) Math.min(size, SAMPLE_BYTES)];
      readFully(ch, head, 0);
      int bom = CsvRecords.bom(head, head.length);
      CsvRecords first = CsvRecords.split(head, bom, head.length, head.length == size, 1);
      if (first.records.isEmpty()) {
        throw AnalysisException.of(
            "%s has no header line; a results CSV starts with its column names", file);
      }
      return List.of(first.records.get(0));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private Runs read(FileChannel ch, Path file, String name)
      throws IOException, InterruptedException {
    long size = ch.size();
    byte[] head = new byte[(int) Math.min(size, SAMPLE_BYTES)];
    readFully(ch, head, 0);
    int bom = CsvRecords.bom(head, head.length);
    CsvRecords first =
        CsvRecords.split(head, bom, head.length, head.length == size, SAMPLE_ROWS + 1);
    if (first.records.isEmpty()) {
      throw AnalysisException.of(
          "%s has no header line; a results CSV starts with its column names", file);
    }
    List<String> header = List.of(first.records.get(0));
    checkHeader(header, file);
    List<ResultColumn> schema =
        ResultsContract.schemaFor(header, file.resolveSibling(ResultsContract.SUMMARY_FILE));
    ColumnType[] types = new ColumnType[header.size()];
    for (int c = 0; c < types.length; c++) {
      types[c] = schema != null ? schema.get(c).type() : infer(first.records, c);
    }
    long dataStart = headerEnd(head, bom, size);
    CsvLayout layout = CsvLayout.of(ch, dataStart, size, threads, minRangeBytes);
    long total = 0;
    for (int r : layout.records) {
      total += r;
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw AnalysisException.of(
          "%s has %,d rows; sweeplab analyses at most %,d rows of one file",
          file, total, Integer.MAX_VALUE - 8);
    }
    int[] kinds = new int[types.length];
    for (int c = 0; c < kinds.length; c++) {
      kinds[c] =
          skipped.contains(header.get(c))
              ? CsvRangeParser.SKIP
              : switch (types[c]) {
                case INTEGER, LONG -> CsvRangeParser.LONG;
                case DOUBLE -> CsvRangeParser.DOUBLE;
                case STRING, BOOLEAN -> CsvRangeParser.TEXT;
              };
    }
    CsvRangeParser.Target target = new CsvRangeParser.Target(kinds, (int) total);
    int n = layout.ranges();
    CsvRangeParser[] parsers = new CsvRangeParser[n];
    int base = 0;
    for (int i = 0; i < n; i++) {
      parsers[i] = new CsvRangeParser(target, base, layout.records[i]);
      base += layout.records[i];
    }
    Thread reporter = progress == null || size < (64 << 20) ? null : reporter(file, target, size);
    try {
      Parallel.run(
          n,
          i -> {
            if (layout.parseStart[i] >= 0) {
              parsers[i].parse(ch, layout.parseStart[i], layout.parseEnd[i], size);
            }
          });
    } finally {
      if (reporter != null) {
        reporter.interrupt();
        reporter.join();
        progress.update(file, size, size, true);
      }
    }
    for (CsvRangeParser p : parsers) {
      if (p.badOffset >= 0) {
        throw AnalysisException.of(
            "%s line %d %s; quote fields that hold commas or line breaks",
            file, lineOf(ch, p.badOffset), p.badReason);
      }
    }
    return Runs.of(name, ColumnBuilder.build(header, types, target, parsers, layout), schema);
  }

  private Thread reporter(Path file, CsvRangeParser.Target target, long size) {
    Thread t =
        new Thread(
            () -> {
              try {
                while (true) {
                  Thread.sleep(250);
                  progress.update(file, Math.min(size, target.bytesDone.get()), size, false);
                }
              } catch (InterruptedException e) {
                // the read is over
              }
            },
            "sweeplab-read-progress");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void checkHeader(List<String> header, Path file) {
    List<String> seen = new ArrayList<>();
    for (String h : header) {
      if (seen.contains(h)) {
        throw AnalysisException.of(
            "%s names column '%s' twice in its header; column names must be unique", file, h);
      }
      seen.add(h);
    }
  }

  /**
   * @return the type of column c from the sampled records: numbers (LONG when every number is an
   *     integer, else DOUBLE) when at least half of the non-empty cells are numbers (the others,
   *     such as {@code timeout} in a failed run's metric, are kept as text), BOOLEAN when every
   *     cell is true or false, else STRING; a column empty in the sample is read as DOUBLE, and
   *     becomes text if no number turns up
   */
  static ColumnType infer(List<String[]> records, int c) {
    int numbers = 0;
    int texts = 0;
    boolean longs = true;
    boolean booleans = true;
    for (int r = 1; r < records.size(); r++) {
      String[] rec = records.get(r);
      if (c >= rec.length) {
        continue;
      }
      String s = rec[c].strip();
      if (CsvRangeParser.isMissingText(s)) {
        continue;
      }
      if (isLong(s)) {
        numbers++;
      } else if (!Double.isNaN(CsvRangeParser.parseNumber(s))) {
        numbers++;
        longs = false;
      } else {
        texts++;
      }
      booleans &= s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false");
    }
    if (numbers == 0 && texts == 0) {
      return ColumnType.DOUBLE;
    }
    if (booleans) {
      return ColumnType.BOOLEAN;
    }
    if (numbers >= texts && numbers > 0) {
      return longs ? ColumnType.LONG : ColumnType.DOUBLE;
    }
    return ColumnType.STRING;
  }

  private static boolean isLong(String s) {
    int i = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
    if (i == s.length() || s.length() - i > 19) {
      return false;
    }
    if (s.length() - i == 19) {
      try {
        return Long.parseLong(s.substring(i)) != Long.MIN_VALUE;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    for (; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static long headerEnd(byte[] head, int bom, long size) {
    CsvRecords h = CsvRecords.split(head, bom, head.length, head.length == size, 1);
    if (h.records.isEmpty()) {
      throw AnalysisException.of("The header line is longer than %d bytes", head.length);
    }
    return h.end;
  }

  private static void readFully(FileChannel ch, byte[] b, long pos) throws IOException {
    ByteBuffer bb = ByteBuffer.wrap(b);
    while (bb.hasRemaining()) {
      if (ch.read(bb, pos + bb.position()) < 0) {
        break;
      }
    }
  }

  /**
   * @return the 1-based line number of the byte at offset (line breaks counted from the start)
   */
  private static long lineOf(FileChannel ch, long offset) throws IOException {
    byte[] buf = new byte[1 << 20];
    long line = 1;
    long pos = 0;
    while (pos < offset) {
      int want = (int) Math.min(buf.length, offset - pos);
      ByteBuffer bb = ByteBuffer.wrap(buf, 0, want);
      int got = ch.read(bb, pos);
      if (got <= 0) {
        break;
      }
      for (int i = 0; i < got; i++) {
        if (buf[i] == '\n') {
          line++;
        }
      }
      pos += got;
    }
    return line;
  }

  static String describe(long bytes) {
    return bytes >= 1 << 30
        ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9)
        : String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
  }
}
