import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.SplittableRandom;

/**
 * Writes the benchmark's results CSV: 100,000 variations x 100 runs = 10,000,000 rows, 11 columns
 * (run_id, variation_id, algo, difficulty, budget, replicate, seed, status, metric, cost,
 * duration_ms), about 720 MB. Seeded, so every run writes the same bytes. Usage: java
 * GenerateResults.java /tmp/bench-results.csv [variations] [runs]
 */
public final class GenerateResults {
  private static final String[] ALGO = {"greedy", "anneal", "tabu", "genetic", "random"};
  private static final String[] DIFFICULTY = {"easy", "medium", "hard", "extreme"};
  private static final int[] BUDGET = {50, 100, 200, 400, 800};

  public static void main(String[] args) throws IOException {
    int variations = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    SplittableRandom rng = new SplittableRandom(20261122L);
    byte[] line = new byte[256];
    try (OutputStream out = new BufferedOutputStream(new FileOutputStream(args[0]), 1 << 20)) {
      out.write(
          "run_id,variation_id,strategy,difficulty,budget,replicate,seed,status,score,cost,duration_ms\n"
              .getBytes());
      long runId = 0;
      for (int v = 0; v < variations; v++) {
        String algo = ALGO[v % ALGO.length];
        String difficulty = DIFFICULTY[(v / ALGO.length) % DIFFICULTY.length];
        int budget = BUDGET[(v / 20) % BUDGET.length];
        double base = 50 + (v % 97) * 0.37;
        for (int r = 1; r <= runs; r++) {
          int n = 0;
          n = number(line, n, ++runId);
          line[n++] = ',';
          line[n++] = 'v';
          n = padded(line, n, v, 6);
          line[n++] = ',';
          n = text(line, n, algo);
          line[n++] = ',';
          n = text(line, n, difficulty);
          line[n++] = ',';
          n = number(line, n, budget);
          line[n++] = ',';
          n = number(line, n, r);
          line[n++] = ',';
          n = number(line, n, 20_261_122_000_000L + r);
          line[n++] = ',';
          double u = rng.nextDouble();
          boolean ok = u < 0.9;
          n = text(line, n, ok ? "ok" : u < 0.96 ? "failed" : u < 0.99 ? "timeout" : "cancelled");
          line[n++] = ',';
          if (ok) {
            n = fixed(line, n, base + 10 * (rng.nextDouble() - 0.5) + 5 * rng.nextDouble(), 4);
          }
          line[n++] = ',';
          n = fixed(line, n, budget * (0.5 + rng.nextDouble()) / 100.0, 3);
          line[n++] = ',';
          n = number(line, n, 10 + rng.nextInt(990));
          line[n++] = '\n';
          out.write(line, 0, n);
        }
      }
    }
  }

  private static int text(byte[] b, int n, String s) {
    for (int i = 0; i < s.length(); i++) {
      b[n++] = (byte) s.charAt(i);
    }
    return n;
  }

  private static int number(byte[] b, int n, long x) {
    if (x == 0) {
      b[n++] = '0';
      return n;
    }
    int start = n;
    while (x > 0) {
      b[n++] = (byte) ('0' + x % 10);
      x /= 10;
    }
    for (int i = start, j = n - 1; i < j; i++, j--) {
      byte t = b[i];
      b[i] = b[j];
      b[j] = t;
    }
    return n;
  }

  private static int padded(byte[] b, int n, long x, int width) {
    for (int i = width - 1; i >= 0; i--) {
      b[n + i] = (byte) ('0' + x % 10);
      x /= 10;
    }
    return n + width;
  }

  /** Writes x >= 0 with the given number of decimals. */
  private static int fixed(byte[] b, int n, double x, int decimals) {
    long scale = (long) Math.pow(10, decimals);
    long v = Math.round(x * scale);
    n = number(b, n, v / scale);
    b[n++] = '.';
    return padded(b, n, v % scale, decimals);
  }
}
