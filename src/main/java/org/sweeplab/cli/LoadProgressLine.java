package org.sweeplab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.sweeplab.analysis.RunsReader;

/**
 * The progress of reading a large results file, as one line on stderr that rewrites itself: bytes
 * read, share and rate. Only on a terminal (not under CI), where a line that rewrites itself reads
 * well.
 */
final class LoadProgressLine implements RunsReader.LoadProgress {
  private final PrintStream out;
  private final long started = System.nanoTime();

  private LoadProgressLine(PrintStream out) {
    this.out = out;
  }

  /**
   * @return the line on stderr when it is a terminal, else null (no progress)
   */
  static RunsReader.LoadProgress forTerminal() {
    boolean terminal = StderrProgress.isTerminal() && !"true".equals(System.getenv("CI"));
    return terminal ? new LoadProgressLine(System.err) : null;
  }

  @Override
  public void update(Path file, long bytesRead, long totalBytes, boolean done) {
    double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
    String line =
        String.format(
            Locale.ROOT,
            "reading %s: %,d of %,d MB (%d%%), %,.0f MB/s",
            file.getFileName(),
            bytesRead >> 20,
            totalBytes >> 20,
            totalBytes == 0 ? 100 : 100 * bytesRead / totalBytes,
            bytesRead / 1e6 / seconds);
    out.print("\r" + line + (done ? "\n" : ""));
    out.flush();
  }
}
