import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import org.sweeplab.space.RunPlan;
import org.sweeplab.spec.SpecLoader;
import org.sweeplab.store.JournalLoader;
import org.sweeplab.store.RunColumns;

/**
 * Loads an output folder's journal into fresh run columns N times in one JVM and prints the CPU and
 * wall time of each load (the first is cold: interpreted code and compilation), the step of a
 * resume that reads the journal. Usage (after ./mvnw -o -q compile):
 *
 * <pre>
 * CP=target/classes:$(ls target/lib/*.jar | tr '\n' ':')
 * javac -cp $CP -d /tmp/loadjournal bench/engine/LoadJournal.java
 * java -cp /tmp/loadjournal:$CP LoadJournal DIR 3
 * </pre>
 */
public class LoadJournal {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    RunPlan plan = RunPlan.of(SpecLoader.load(dir.resolve("sweep.yaml")));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int k = 0; k < repeats; k++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      RunColumns columns = new RunColumns(plan.runCount());
      JournalLoader.Loaded loaded =
          JournalLoader.load(dir.resolve("runs.jsonl"), plan, columns, new ArrayList<>());
      System.out.printf(
          java.util.Locale.ROOT,
          "%,d lines: cpu %.3f s, wall %.3f s%n",
          loaded.lines(),
          (threads.getCurrentThreadCpuTime() - cpu) / 1e9,
          (System.nanoTime() - wall) / 1e9);
    }
  }
}
