package org.sweeplab.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.sweeplab.run.RunRecord;
import org.sweeplab.run.RunSink;

/**
 * Journals finished runs. Workers encode their run's line on their own thread and hand it over through a lock-free
 * queue; one journal thread appends the lines and records the runs in the {@link RunColumns}, so workers never wait
 * on each other. The journal thread hands what it has to the operating system each time the queue runs dry, and
 * sleeps at most {@link #IDLE_NANOS} when there is nothing to do: a finished run reaches the file within about a
 * millisecond, so a killed process (even {@code kill -9}) loses at most the runs in flight and those that finished in
 * that last moment, while a million tiny runs are written in large blocks.
 */
final class JournalSink implements RunSink, Closeable {
  /** The journal thread's longest sleep when the queue is empty. */
  static final long IDLE_NANOS = 200_000L;
  /** Lines waiting before producers are held back (memory stays bounded if the disk is slow). */
  private static final int MAX_QUEUED = 1 << 16;

  private static final ThreadLocal<ByteLine> BUFFER = ThreadLocal.withInitial(ByteLine::new);
  private static final ThreadLocal<JournalFormat.TimeFormat> TIME =
      ThreadLocal.withInitial(JournalFormat.TimeFormat::new);

  private record Entry(byte[] line, RunRecord record) {}

  private final JournalWriter writer;
  private final RunColumns columns;
  private final ConcurrentLinkedQueue<Entry> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final Thread thread;
  private volatile boolean closing;
  private volatile IOException failure;

  private JournalSink(JournalWriter writer, RunColumns columns) {
    this.writer = writer;
    this.columns = columns;
    this.thread = new Thread(this::drainLoop, "sweeplab-journal");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  static JournalSink open(Path journal, long validLength, RunColumns columns) throws IOException {
    return new JournalSink(JournalWriter.open(journal, validLength), columns);
  }

  @Override
  public void accept(RunRecord r) {
    IOException f = failure;
    if (f != null) {
      throw new UncheckedIOException(f.getMessage(), f);
    }
    ByteLine line = BUFFER.get();
    line.reset();
    JournalFormat.encode(line, r, TIME.get());
    while (queued.get() >= MAX_QUEUED && failure == null && thread.isAlive()) {
      LockSupport.parkNanos(IDLE_NANOS);
    }
    queue.add(new Entry(line.toBytes(), r));
    queued.incrementAndGet();
  }

  private void drainLoop() {
    try {
      while (true) {
        boolean stop = closing;
        int n = drain();
        if (n > 0) {
          writer.flush();
        } else if (stop) {
          return;
        } else {
          LockSupport.parkNanos(IDLE_NANOS);
        }
      }
    } catch (IOException e) {
      failure = new IOException("cannot write the journal: " + e.getMessage(), e);
    }
  }

  /** Writes and records every queued run; returns how many. */
  private int drain() throws IOException {
    int n = 0;
    Entry e;
    while ((e = queue.poll()) != null) {
      queued.decrementAndGet();
      writer.write(e.line(), e.line().length);
      RunRecord r = e.record();
      columns.put(r.run().ordinal(), r.run().seed(), r.status(), r.metrics(), r.cost(), r.durationNanos() / 1e6,
          r.errorType(), r.errorMessage());
      n++;
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    closing = true;
    LockSupport.unpark(thread);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      writer.close();
    } catch (IOException e) {
      if (failure == null) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
