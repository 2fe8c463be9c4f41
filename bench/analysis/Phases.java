import java.nio.file.Path;
import org.sweeplab.analysis.Analysis;
import org.sweeplab.analysis.AnalysisOptions;
import org.sweeplab.analysis.AnalysisResult;
import org.sweeplab.analysis.Runs;
import org.sweeplab.analysis.RunsReader;
import org.sweeplab.figures.MetricChoice;
import org.sweeplab.figures.ReportFigures;
import org.sweeplab.results.ResultsContract;

/**
 * Times the steps of `sweeplab analyze` in one JVM: reading, the analysis, the figures, the report
 * files. Usage (after `./mvnw -q package -DskipTests`):
 *
 * <pre>
 * CP="target/classes:$(ls target/lib/*.jar | tr '\n' ':')"; javac -d /tmp/phases -cp "$CP" bench/analysis/Phases.java
 * java -XX:+UseParallelGC -cp "/tmp/phases:$CP" Phases /tmp/bench-results-10m.csv
 * </pre>
 */
public final class Phases {
  public static void main(String[] args) {
    Path out = Path.of(System.getProperty("java.io.tmpdir"), "sweeplab-phases");
    long t0 = System.nanoTime();
    AnalysisOptions o = AnalysisOptions.of(Path.of(args[0])).withOut(out);
    Runs runs =
        o.runs(
            RunsReader.withDefaults()
                .withoutColumns(
                    ResultsContract.RUN_ID,
                    ResultsContract.DURATION_MS,
                    ResultsContract.REPLICATE));
    long t1 = System.nanoTime();
    Analysis analysis =
        o.withMetric(MetricChoice.of(runs, o.input(), o.metric()).metric()).analysis(runs);
    AnalysisResult result = analysis.run();
    long t2 = System.nanoTime();
    var links = ReportFigures.withDefaults().write(result, out);
    long t3 = System.nanoTime();
    analysis.withFigures(links).writeReport(result, out);
    long t4 = System.nanoTime();
    System.out.printf(
        "read %.2f s, analysis %.2f s, figures %.2f s, report files %.2f s%n",
        (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9);
  }
}
