package org.sweeplab.sim.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Copies a command's stderr into the capped {@code stderr.log} and keeps its tail (the last {@link
 * #TAIL_BYTES} bytes, at most {@link #TAIL_LINES} lines) in memory for the failure message.
 */
final class CommandStderr implements Runnable {
  static final int TAIL_BYTES = 2048;
  static final int TAIL_LINES = 20;

  private final InputStream in;
  private final CommandLog log;
  private final Consumer<CommandRun.Event> events;
  private final byte[] ring = new byte[TAIL_BYTES];
  private long total;

  CommandStderr(InputStream in, CommandLog log, Consumer<CommandRun.Event> events) {
    this.in = in;
    this.log = log;
    this.events = events;
  }

  @Override
  public void run() {
    Throwable error = null;
    try (in) {
      byte[] chunk = new byte[8192];
      int n;
      while ((n = in.read(chunk)) > 0) {
        log.write(chunk, 0, n);
        remember(chunk, n);
      }
    } catch (IOException | RuntimeException e) {
      error = e;
    }
    events.accept(new CommandRun.Closed("stderr", error));
  }

  private synchronized void remember(byte[] chunk, int n) {
    int from = Math.max(0, n - TAIL_BYTES);
    total += from;
    for (int i = from; i < n; i++) {
      ring[(int) (total++ % TAIL_BYTES)] = chunk[i];
    }
  }

  /** The last lines of stderr, trimmed; empty when there was none. */
  synchronized String tail() {
    int len = (int) Math.min(total, TAIL_BYTES);
    byte[] last = new byte[len];
    for (int i = 0; i < len; i++) {
      last[i] = ring[(int) ((total - len + i) % TAIL_BYTES)];
    }
    String s = new String(last, StandardCharsets.UTF_8).strip();
    if (total > len) {
      int nl = s.indexOf('\n');
      s = nl < 0 ? "…" + s : s.substring(nl + 1);
    }
    String[] lines = s.split("\n", -1);
    if (lines.length > TAIL_LINES) {
      s =
          String.join(
              "\n", java.util.Arrays.copyOfRange(lines, lines.length - TAIL_LINES, lines.length));
    }
    return s;
  }

  /** Closes the log, writing the truncation marker if needed. */
  void finish() {
    log.close();
  }
}
