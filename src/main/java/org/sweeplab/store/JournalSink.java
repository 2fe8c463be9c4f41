package org.sweeplab.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.sweeplab.run.PlannedRun;
import org.sweeplab.run.RunRecord;
import org.sweeplab.run.RunSink;

/**
 * Journals each finished run (encoded on the worker's thread) and records it in the run columns.
 */
public final class JournalSink implements RunSink, Closeable {
  private static final ThreadLocal<ByteLine> BUFFER = ThreadLocal.withInitial(ByteLine::new);
  private static final ThreadLocal<JournalFormat.TimeFormat> TIME =
      ThreadLocal.withInitial(JournalFormat.TimeFormat::new);

  private final JournalWriter writer;
  private final ChargeLedger ledger;
  private final RunColumns columns;
  private final ResultsStream results;

  private JournalSink(
      JournalWriter writer, ChargeLedger ledger, RunColumns columns, ResultsStream results) {
    this.writer = writer;
    this.ledger = ledger;
    this.columns = columns;
    this.results = results;
  }

  /** Opens the journal and, beside it, the charge ledger ({@code charges.jsonl}). */
  public static JournalSink open(Path journal, long validLength, RunColumns columns)
      throws IOException {
    return open(journal, validLength, columns, null);
  }

  /**
   * Opens the journal and the charge ledger; each finished run is also handed to {@code results}
   * (when not null), which writes results.csv as the runs complete.
   */
  public static JournalSink open(
      Path journal, long validLength, RunColumns columns, ResultsStream results)
      throws IOException {
    JournalWriter w = JournalWriter.open(journal, validLength);
    try {
      return new JournalSink(
          w, ChargeLedger.open(journal.resolveSibling(OutputFolder.CHARGES)), columns, results);
    } catch (IOException | RuntimeException e) {
      w.close();
      throw e;
    }
  }

  @Override
  public void charged(PlannedRun run, int attempt, double amount) {
    charged(run, attempt, amount, null, 0);
  }

  @Override
  public void charged(PlannedRun run, int attempt, double amount, String spool, long line) {
    try {
      ledger.append(
          run.runId(), run.variation().key(), run.replicate(), attempt, amount, spool, line);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot record a charge of run "
              + run.runId()
              + " in "
              + OutputFolder.CHARGES
              + ": "
              + e.getMessage(),
          e);
    }
    columns.addCharge(run.ordinal(), attempt, amount);
  }

  @Override
  public void accept(RunRecord r) {
    ByteLine line = BUFFER.get();
    line.reset();
    JournalFormat.encode(line, r, TIME.get());
    try {
      writer.append(line.array(), line.length());
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    columns.put(
        r.run().ordinal(),
        r.run().seed(),
        r.status(),
        r.metrics(),
        r.cost(),
        r.durationNanos() / 1e6,
        r.errorType(),
        r.errorMessage());
    if (results != null) {
      results.finished(r.run().ordinal());
    }
  }

  @Override
  public void close() throws IOException {
    try {
      writer.close();
    } finally {
      ledger.close();
    }
  }
}
