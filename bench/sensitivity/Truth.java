import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.sweeplab.analysis.MorrisResult;
import org.sweeplab.analysis.Runs;
import org.sweeplab.analysis.Sensitivity;
import org.sweeplab.analysis.SobolResult;
import org.sweeplab.results.DesignLayout;
import org.sweeplab.sim.IshigamiSimulation;
import org.sweeplab.sim.SobolGSimulation;
import org.sweeplab.space.RunPlan;
import org.sweeplab.space.Variation;
import org.sweeplab.spec.SpecLoader;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The full-size truth checks of the sensitivity analysis (docs/benchmarks.md): Ishigami at N = 2^10
 * (SALib's anchor) and 2^13, the g-function at 2^13, Morris on the g-function; the models are
 * evaluated in memory at every variation of the design, as the unit tests do at smaller N.
 * `bench/sensitivity/run.sh` compiles and runs it; by hand (after `./mvnw -q package -DskipTests`):
 *
 * <pre>
 * CP="target/classes:$(ls target/lib/*.jar | tr '\n' ':')"; javac -d /tmp/truth -cp "$CP" bench/sensitivity/Truth.java
 * java -cp "/tmp/truth:$CP" Truth data/examples/ishigami.yaml data/examples/sobol-g.yaml
 * </pre>
 */
public final class Truth {
  public static void main(String[] args) {
    Path ishigami = Path.of(args[0]);
    Path g = Path.of(args[1]);
    double pi4 = Math.pow(Math.PI, 4);
    double pi8 = Math.pow(Math.PI, 8);
    double v1 = 0.1 * pi4 / 5 + 0.01 * pi8 / 50 + 0.5;
    double v13 = 8 * 0.01 * pi8 / 225;
    double v = 49.0 / 8 + 0.1 * pi4 / 5 + 0.01 * pi8 / 18 + 0.5;
    double[] s1 = {v1 / v, 49.0 / 8 / v, 0};
    double[] st = {(v1 + v13) / v, 49.0 / 8 / v, v13 / v};
    for (int n : new int[] {1 << 10, 1 << 13}) {
      long t0 = System.nanoTime();
      Evaluated e =
          evaluate(
              ishigami,
              "design.samples=" + n,
              x -> IshigamiSimulation.value(num(x, "x1"), num(x, "x2"), num(x, "x3")));
      SobolResult r = Sensitivity.sobol(e.runs, "y", e.layout);
      System.out.printf(
          Locale.ROOT,
          "Ishigami N=%d (%d cells, %d distinct), %.1f s%n",
          n,
          e.layout.cells().length,
          e.layout.variationIds().size(),
          (System.nanoTime() - t0) / 1e9);
      for (int i = 0; i < 3; i++) {
        print(r.index("x" + (i + 1), SobolResult.Kind.S1), s1[i]);
        print(r.index("x" + (i + 1), SobolResult.Kind.ST), st[i]);
      }
      if (n == 1 << 13) {
        System.out.println("convergence (rows, index, estimate, low, high):");
        for (SobolResult.Step s : r.convergence()) {
          for (SobolResult.Index i : s.indices()) {
            System.out.printf(
                Locale.ROOT,
                "  %5d %-6s %8.4f [%8.4f, %8.4f]%n",
                s.rows(),
                i.label(),
                i.estimate(),
                i.low(),
                i.high());
          }
        }
      }
    }
    long t0 = System.nanoTime();
    Evaluated e = evaluate(g, "design={type: saltelli, samples: 8192}", Truth::g);
    SobolResult r = Sensitivity.sobol(e.runs, "y", e.layout);
    System.out.printf(
        Locale.ROOT,
        "g-function N=8192 (%d cells), %.1f s%n",
        e.layout.cells().length,
        (System.nanoTime() - t0) / 1e9);
    double prod = 1;
    double[] vi = new double[8];
    for (int i = 0; i < 8; i++) {
      double a = SobolGSimulation.A.get(i);
      vi[i] = 1 / (3 * (1 + a) * (1 + a));
      prod *= 1 + vi[i];
    }
    for (int i = 0; i < 8; i++) {
      print(r.index("x" + (i + 1), SobolResult.Kind.S1), vi[i] / (prod - 1));
      print(r.index("x" + (i + 1), SobolResult.Kind.ST), vi[i] * prod / (1 + vi[i]) / (prod - 1));
    }
    Evaluated m = evaluate(g, "design.trajectories=40", Truth::g);
    MorrisResult mr = Sensitivity.morris(m.runs, "y", m.layout);
    System.out.println("Morris on g, r=40, p=4: ranking by mu* " + mr.ranking());
    for (MorrisResult.Row row : mr.rows()) {
      System.out.printf(
          Locale.ROOT,
          "  %s mu*=%.4f [%.4f, %.4f] sigma=%.4f [%.4f, %.4f]%n",
          row.parameter(),
          row.muStar(),
          row.muStarLow(),
          row.muStarHigh(),
          row.sigma(),
          row.sigmaLow(),
          row.sigmaHigh());
    }
  }

  private static void print(SobolResult.Index i, double truth) {
    boolean covered = i.low() <= truth && truth <= i.high();
    System.out.printf(
        Locale.ROOT,
        "  %-6s %8.4f [%8.4f, %8.4f] truth %.4f error %+.4f %s%n",
        i.label(),
        i.estimate(),
        i.low(),
        i.high(),
        truth,
        i.estimate() - truth,
        covered ? "covered" : "NOT COVERED");
  }

  private static double g(Variation v) {
    double[] x = new double[8];
    for (int i = 0; i < 8; i++) {
      x[i] = num(v, "x" + (i + 1));
    }
    return SobolGSimulation.value(x);
  }

  private static double num(Variation v, String name) {
    return ((Number) v.get(name)).doubleValue();
  }

  private record Evaluated(DesignLayout layout, Runs runs) {}

  private static Evaluated evaluate(Path spec, String override, ToDoubleFunction<Variation> model) {
    RunPlan plan = RunPlan.of(SpecLoader.load(spec, List.of(override)));
    StringColumn id = StringColumn.create("variation_id");
    StringColumn status = StringColumn.create("status");
    DoubleColumn y = DoubleColumn.create("y");
    for (Iterator<Variation> it = plan.variations(); it.hasNext(); ) {
      Variation v = it.next();
      id.append(v.id());
      status.append("ok");
      y.append(model.applyAsDouble(v));
    }
    return new Evaluated(plan.layout().orElseThrow(), Runs.of(Table.create("runs", id, status, y)));
  }
}
