import java.nio.file.Path;
import org.sweeplab.analysis.LargeCsvSummary;
import tech.tablesaw.api.Table;

/**
 * The benchmark's work as one process: load the results CSV and compute, per variation, runs, ok runs, success rate,
 * count/mean/median/sd/min/max of the metric over ok runs, total cost and cost per successful run. Prints the row
 * count, the elapsed time inside the JVM and the first rows. Usage: see run.sh.
 */
public final class SummarizeResults {
  public static void main(String[] args) {
    long t0 = System.nanoTime();
    Table t = LargeCsvSummary.withDefaults().withMetric("metric").summarize(Path.of(args[0]));
    long t1 = System.nanoTime();
    System.out.printf("%d variations, %d runs, in-JVM %.3f s%n", t.rowCount(),
        (long) t.longColumn("runs").sum(), (t1 - t0) / 1e9);
    System.out.println(t.first(3).print());
  }
}
