package org.sweeplab.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Reads a journal with its lines decoded on several threads and handed over in file order: the file
 * is cut into blocks of whole lines; each thread decodes the next free block, then waits for its
 * turn and gives the block's entries to the consumer. The consumer sees exactly what {@link
 * JournalReader#read(Path, Consumer, boolean)} gives, in the same order, one call at a time (each
 * call happens after the one before it), and the report is the same: lines, valid length, torn tail
 * and warnings with their line numbers. Decoding is most of a resume's reading (0.5 s of 514,000
 * lines), handing over a fifth of it.
 */
final class JournalBlocks {
  /**
   * Bytes per block: some 700 lines, so the entries waiting for their turn stay few and die young
   * (blocks of 4 MiB kept 20 MB of entries alive through every young collection: 0.8 s of pauses in
   * a 514,000-line resume).
   */
  static final int BLOCK = 256 << 10;

  private final Path file;
  private final long size;
  private final int block;
  private final int blocks;
  private final boolean outcomeOnly;
  private final Consumer<JournalReader.Entry> out;
  private final AtomicInteger nextBlock = new AtomicInteger();
  // The block whose turn it is to be handed over, the lines and valid bytes before it, and what
  // went wrong; guarded by 'this'.
  private int turn;
  private long linesBefore;
  private long good;
  private long validLength;
  private boolean torn;
  private final List<String> warnings = new ArrayList<>();
  private Throwable failure;

  private JournalBlocks(
      Path file, long size, int block, boolean outcomeOnly, Consumer<JournalReader.Entry> out) {
    this.file = file;
    this.size = size;
    this.block = block;
    this.blocks = (int) Math.max(1, (size + block - 1) / block);
    this.outcomeOnly = outcomeOnly;
    this.out = out;
  }

  /**
   * Reads every line as {@link JournalReader#read(Path, Consumer, boolean)} does, decoding on up to
   * {@code threads} threads (the calling thread is one of them).
   */
  static JournalReader.Report read(
      Path file, int threads, Consumer<JournalReader.Entry> out, boolean outcomeOnly)
      throws IOException {
    return read(file, threads, BLOCK, out, outcomeOnly);
  }

  /** As {@link #read(Path, int, Consumer, boolean)} with blocks of about {@code block} bytes. */
  static JournalReader.Report read(
      Path file, int threads, int block, Consumer<JournalReader.Entry> out, boolean outcomeOnly)
      throws IOException {
    long size = Files.exists(file) ? Files.size(file) : 0;
    if (threads < 2 || size <= block) {
      return JournalReader.read(file, out, outcomeOnly);
    }
    JournalBlocks r = new JournalBlocks(file, size, block, outcomeOnly, out);
    List<Thread> helpers = new ArrayList<>();
    for (int t = 1; t < Math.min(threads, r.blocks); t++) {
      Thread h = new Thread(r::work, "sweeplab-journal-reader-" + t);
      h.setDaemon(true);
      h.start();
      helpers.add(h);
    }
    r.work();
    for (Thread h : helpers) {
      try {
        h.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while reading " + file, e);
      }
    }
    if (r.failure instanceof IOException e) {
      throw e;
    } else if (r.failure instanceof UncheckedIOException e) {
      throw e.getCause();
    } else if (r.failure instanceof RuntimeException e) {
      throw e;
    } else if (r.failure instanceof Error e) {
      throw e;
    }
    return new JournalReader.Report(r.good, r.validLength, r.torn, r.warnings);
  }

  private void work() {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      byte[] bytes = new byte[block + (1 << 16)];
      Lines lines = new Lines();
      int k;
      while ((k = nextBlock.getAndIncrement()) < blocks) {
        lines.clear();
        long start = k == 0 ? 0 : JournalReader.nextLineStart(ch, (long) k * block - 1, size);
        long end =
            k == blocks - 1 ? size : JournalReader.nextLineStart(ch, (k + 1L) * block - 1, size);
        int n = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(0, end - start));
        if (bytes.length < n) {
          bytes = new byte[n]; // a block holding a line longer than a block
        }
        Block b = decode(ch, start, bytes, n, lines);
        if (!handOver(k, b, lines)) {
          return;
        }
      }
    } catch (IOException | RuntimeException | Error e) {
      fail(e);
    }
  }

  /** What one block held: its lines, the bytes of whole lines, a torn last line. */
  private record Block(long lines, long wholeBytes, long tornBytes) {}

  /**
   * The decoded lines of a block in order: each an entry, or the message of why it is not one, with
   * its line number in the block (empty lines are neither).
   */
  private static final class Lines {
    final List<JournalReader.Entry> entries = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    long[] numbers = new long[1024];

    void add(long lineNo, JournalReader.Entry e, String problem) {
      if (entries.size() == numbers.length) {
        numbers = java.util.Arrays.copyOf(numbers, numbers.length * 2);
      }
      numbers[entries.size()] = lineNo;
      entries.add(e);
      problems.add(problem);
    }

    void clear() {
      entries.clear();
      problems.clear();
    }
  }

  private Block decode(FileChannel ch, long start, byte[] a, int length, Lines out)
      throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(a, 0, length);
    while (buf.hasRemaining()) {
      if (ch.read(buf, start + buf.position()) < 0) {
        break;
      }
    }
    int n = buf.position();
    long lines = 0;
    int from = 0;
    for (int i = JournalReader.nextNewline(a, 0, n);
        i < n;
        i = JournalReader.nextNewline(a, i + 1, n)) {
      lines++;
      int len = i - from;
      if (len > 0) {
        try {
          JournalReader.Entry fast = JournalDecoder.decode(a, from, len, outcomeOnly);
          out.add(lines, fast != null ? fast : JournalReader.parseJson(a, from, len), null);
        } catch (IOException | RuntimeException e) {
          out.add(lines, null, String.valueOf(e.getMessage()));
        }
      }
      from = i + 1;
    }
    return new Block(lines, from, n - from);
  }

  /** Waits for block k's turn and hands its entries over; false when another thread failed. */
  private synchronized boolean handOver(int k, Block b, Lines lines) {
    while (turn != k && failure == null) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(new UncheckedIOException(new IOException("interrupted while reading " + file, e)));
      }
    }
    if (failure != null) {
      return false;
    }
    for (int i = 0; i < lines.entries.size(); i++) {
      String problem = lines.problems.get(i);
      if (problem == null) {
        // As the one-thread reader does, a line the consumer cannot take is skipped with a
        // warning.
        try {
          out.accept(lines.entries.get(i));
          good++;
          continue;
        } catch (RuntimeException e) {
          problem = String.valueOf(e.getMessage());
        }
      }
      warnings.add(
          "runs.jsonl line "
              + (linesBefore + lines.numbers[i])
              + " is not a valid run record and was skipped: "
              + problem);
    }
    linesBefore += b.lines();
    validLength += b.wholeBytes();
    if (b.tornBytes() > 0) {
      torn = true;
      warnings.add(JournalReader.tornTailWarning(b.tornBytes()));
    }
    turn++;
    notifyAll();
    return true;
  }

  private synchronized void fail(Throwable e) {
    if (failure == null) {
      failure = e;
    }
    notifyAll();
  }
}
