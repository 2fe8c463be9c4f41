package org.sweeplab.sim.command;

import java.nio.charset.StandardCharsets;

/**
 * Copies a command's stderr, as it is fed, into the capped {@code stderr.log} and keeps its tail
 * (the last {@link #TAIL_BYTES} bytes, at most {@link #TAIL_LINES} lines) in memory for the failure
 * message.
 */
final class CommandStderr {
  static final int TAIL_BYTES = 2048;
  static final int TAIL_LINES = 20;

  private final CommandLog log;
  private final byte[] ring = new byte[TAIL_BYTES];
  private long total;

  CommandStderr(CommandLog log) {
    this.log = log;
  }

  /** Takes the next {@code n} bytes of stderr. */
  void feed(byte[] chunk, int n) {
    log.write(chunk, 0, n);
    remember(chunk, n);
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
