package org.sweeplab.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.sweeplab.results.ResultColumn;
import org.sweeplab.sim.FreshFiles;
import org.sweeplab.space.RunPlan;

/**
 * Writes {@code results.csv} while a sweep runs, instead of all of it after the last run: the plan
 * is cut into chunks of {@value #CHUNK} runs, and as soon as every run of the next chunk that this
 * session runs has finished, the thread that finished the last of them writes the chunk's rows (the
 * other workers go on running). At the end only the rows after the written prefix are left.
 *
 * <p>The bytes are those of {@link ResultsWriter#write} in one pass, by construction: the same row
 * cursor writes them, in plan order, from columns that no longer change for the chunk. The header
 * depends on the metrics seen and their types; when they differ at the end from what they were when
 * the first chunk was written (a metric first reported late, a long metric widened to double), or a
 * write failed, the prefix is dropped and the whole file is written at the end as before.
 */
public final class ResultsStream implements java.io.Closeable {
  /** Runs per chunk: a chunk's rows take a few milliseconds to write. */
  static final int CHUNK = 1 << 13;

  private final Path file;
  private final RunPlan plan;
  private final RunColumns columns;
  private final long runCount;

  /** Runs of each chunk that this session runs and that have not finished yet. */
  private final int[] remaining;

  /** The first chunk whose rows are not written yet. */
  private int next;

  private boolean writing;
  private boolean broken;
  private ResultsWriter.Rows rows;
  private OutputStream out;

  private ResultsStream(Path file, RunPlan plan, RunColumns columns, int[] remaining) {
    this.file = file;
    this.plan = plan;
    this.columns = columns;
    this.runCount = plan.runCount();
    this.remaining = remaining;
  }

  /**
   * A stream for {@code file} (results.csv) of a session that runs {@code pending}; the columns
   * hold the runs of earlier sessions already.
   */
  public static ResultsStream of(Path file, RunPlan plan, RunColumns columns, PendingRuns pending) {
    ResultsStream stream = new ResultsStream(file, plan, columns, pending.countsByChunk(CHUNK));
    if (columns.filled() > 0) {
      // A resume: the chunks that earlier sessions completed are written by a thread of their own
      // while the workers run (by a worker they held up its runs, measured slower than writing
      // them at the end; docs/benchmarks.md), and that thread goes on with the chunks the workers
      // complete meanwhile.
      Thread prefix = new Thread(stream::writeCompleteChunks, "sweeplab-results");
      prefix.setDaemon(true);
      prefix.start();
    }
    return stream;
  }

  /** Writes the complete chunks next in line, unless another thread is writing. */
  private void writeCompleteChunks() {
    synchronized (this) {
      if (!takeWritingToken()) {
        return;
      }
    }
    drain();
  }

  /**
   * Takes the writing token when the next chunk is complete and no thread writes; the caller holds
   * the lock.
   *
   * @return whether the caller now holds the token (and must {@link #drain})
   */
  private boolean takeWritingToken() {
    if (broken || writing || next >= remaining.length || remaining[next] > 0) {
      return false;
    }
    writing = true;
    return true;
  }

  /**
   * Run {@code ordinal} has finished and is in the columns. Writes every chunk that is now complete
   * and next in line, unless another thread is writing (it takes them on). Never throws: a failure
   * leaves the file to the end.
   */
  void finished(long ordinal) {
    synchronized (this) {
      int c = (int) (ordinal / CHUNK);
      if (--remaining[c] < 0) {
        broken = true; // a run finished twice: not what this stream was set up for
      }
      // The next chunk may be complete without this run (a resume: chunks done before it).
      if (!takeWritingToken()) {
        return;
      }
    }
    drain();
  }

  /** Writes complete chunks in order while there are any; the caller holds the writing token. */
  private void drain() {
    while (true) {
      int c;
      synchronized (this) {
        c = next;
        if (broken || c >= remaining.length || remaining[c] > 0) {
          writing = false;
          notifyAll();
          return;
        }
      }
      try {
        if (rows == null) {
          rows =
              new ResultsWriter.Rows(
                  plan, columns, ResultsWriter.Layout.of(plan, columns, new ArrayList<>()));
          out = new BufferedOutputStream(FreshFiles.create(ResultsWriter.temporary(file)), 1 << 16);
          rows.header(out);
        }
        rows.writeUpTo(out, Math.min(runCount, (long) (c + 1) * CHUNK));
      } catch (IOException | RuntimeException e) {
        // An interrupted worker (a cancel), a full disk, a metric widened under the cursor: the
        // end writes the whole file.
        synchronized (this) {
          broken = true;
        }
      }
      synchronized (this) {
        next = c + 1;
      }
    }
  }

  /**
   * Completes the file after the last run and moves it into place, or writes it whole when the
   * prefix cannot be kept; returns its schema.
   */
  public List<ResultColumn> finish(List<String> warnings) throws IOException {
    synchronized (this) {
      while (writing) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          broken = true;
          break;
        }
      }
      writing = true; // no worker writes from now on
    }
    if (rows != null && !broken) {
      List<String> renamed = new ArrayList<>();
      ResultsWriter.Layout now = ResultsWriter.Layout.of(plan, columns, renamed);
      if (now.sameAs(rows.layout())) {
        try {
          try (OutputStream w = out) {
            out = null;
            rows.writeUpTo(w, runCount);
          }
          Files.move(
              ResultsWriter.temporary(file),
              file,
              StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
          warnings.addAll(renamed);
          return rows.schema();
        } catch (IOException | RuntimeException e) {
          // Written whole below, which reports a failure that persists.
        }
      }
    }
    discard();
    return ResultsWriter.write(file, plan, columns, warnings);
  }

  /**
   * Drops what was written, when the session ends without {@link #finish} (it failed before its
   * tables were written).
   */
  @Override
  public synchronized void close() {
    broken = true;
    if (!writing) {
      discard();
    }
  }

  /** Drops a written prefix (the whole file is written instead). */
  private void discard() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException ignored) {
        // The file is replaced in any case.
      }
      out = null;
    }
    try {
      Files.deleteIfExists(ResultsWriter.temporary(file));
    } catch (IOException ignored) {
      // FreshFiles.create replaces it.
    }
  }
}
