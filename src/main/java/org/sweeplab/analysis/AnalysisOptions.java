package org.sweeplab.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.sweeplab.results.DesignLayout;
import org.sweeplab.results.ResultsContract;

/**
 * The options of one {@code analyze}, {@code plot} or {@code compare} call, as the CLI takes them.
 * Immutable: {@code
 * AnalysisOptions.of(input).withMetric("score").withBy(List.of("strategy")).withAlpha(0.01)}. Null
 * means the default. One place decides the column roles and the grouping for every command ({@link
 * #runs()}), and configures the ranking and the comparison the same way ({@link #ranking()}, {@link
 * #comparison()}).
 */
public final class AnalysisOptions {
  /** The default significance level. */
  public static final double ALPHA = 0.05;

  // Never changed once an instance is returned: each withX changes a fresh copy (no telescoping
  // constructor).
  private final Path input;
  private String metric;
  private Direction direction = Direction.HIGHER_IS_BETTER;
  private List<String> by = List.of();
  private String group;
  private String statusColumn;
  private String okValue;
  private String costColumn;
  private Path out;
  private TestKind testKind = TestKind.PARAMETRIC;
  private Pairing pairing = Pairing.AUTO;
  private double alpha = ALPHA;
  private List<Path> inputs;
  private SensitivityMode sensitivity = SensitivityMode.AUTO;
  private FailedRunPolicy failedRuns = FailedRunPolicy.DROP_INCOMPLETE_BLOCKS;
  private DesignLayout layout;
  // Runs already read (a notebook's), instead of an input to read; null when there is an input.
  private Runs given;

  private AnalysisOptions(Path input) {
    this.input = input;
    this.inputs = input == null ? List.of() : List.of(input);
  }

  private AnalysisOptions copy(Consumer<AnalysisOptions> change) {
    AnalysisOptions c = new AnalysisOptions(input);
    c.given = given;
    c.metric = metric;
    c.direction = direction;
    c.by = by;
    c.group = group;
    c.statusColumn = statusColumn;
    c.okValue = okValue;
    c.costColumn = costColumn;
    c.out = out;
    c.testKind = testKind;
    c.pairing = pairing;
    c.alpha = alpha;
    c.inputs = inputs;
    c.sensitivity = sensitivity;
    c.failedRuns = failedRuns;
    c.layout = layout;
    change.accept(c);
    return c;
  }

  /**
   * @param input an output folder (holding results.csv) or a CSV file
   * @return the defaults for this input: first metric, higher is better, grouped by {@code
   *     variation_id}, status {@code status} with ok value {@code ok}, cost {@code cost} when
   *     present, parametric tests, automatic pairing, alpha 0.05
   */
  public static AnalysisOptions of(Path input) {
    return new AnalysisOptions(input);
  }

  /**
   * The options for runs already read (e.g. in a notebook, {@code Runs.read(dir)}): {@link #runs()}
   * returns them with these options' roles. They have no input, so nothing that needs the folder
   * applies: no race is replayed (a raced folder's summary.json is not read), no sensitivity
   * analysis unless a layout is given, and the report folder must be given ({@link #withOut}).
   *
   * @param runs the runs to analyse
   */
  public static AnalysisOptions of(Runs runs) {
    AnalysisOptions o = new AnalysisOptions(null);
    o.given = java.util.Objects.requireNonNull(runs, "runs");
    return o;
  }

  /**
   * Several output folders (or CSV files) analysed together: their runs are read as one table with
   * a {@code sweep} column naming each run's folder (its folder name, made distinct with {@code
   * -2}, {@code -3} …), and {@code variation_id} prefixed with it; see {@link #runs()}. One input
   * is the same as {@link #of(Path)}.
   *
   * @throws AnalysisException if no input is given
   */
  public static AnalysisOptions of(List<Path> inputs) {
    if (inputs.isEmpty()) {
      throw AnalysisException.of("No input given; name an output folder or a CSV file");
    }
    AnalysisOptions o = new AnalysisOptions(inputs.get(0));
    o.inputs = List.copyOf(inputs);
    return o;
  }

  /**
   * @param m the metric ({@code --metric}); null for the first metric
   */
  public AnalysisOptions withMetric(String m) {
    return copy(c -> c.metric = m);
  }

  /**
   * @param d {@code --lower-is-better} gives {@link Direction#LOWER_IS_BETTER}; null for higher is
   *     better
   */
  public AnalysisOptions withDirection(Direction d) {
    return copy(c -> c.direction = d == null ? Direction.HIGHER_IS_BETTER : d);
  }

  /**
   * @param columns the columns to group by ({@code --by}); they override {@link #withGroup}; empty
   *     for none
   */
  public AnalysisOptions withBy(List<String> columns) {
    return copy(c -> c.by = columns == null ? List.of() : List.copyOf(columns));
  }

  /**
   * @param column the variation column ({@code --group}); null for {@code variation_id}
   */
  public AnalysisOptions withGroup(String column) {
    return copy(c -> c.group = column);
  }

  /**
   * @param column the status column ({@code --status-column}); null for {@code status}
   */
  public AnalysisOptions withStatusColumn(String column) {
    return copy(c -> c.statusColumn = column);
  }

  /**
   * @param value the status of a successful run ({@code --ok-value}); null for {@code ok}
   */
  public AnalysisOptions withOkValue(String value) {
    return copy(c -> c.okValue = value);
  }

  /**
   * @param column the cost column ({@code --cost-column}); null for {@code cost} when present
   */
  public AnalysisOptions withCostColumn(String column) {
    return copy(c -> c.costColumn = column);
  }

  /**
   * @param dir the folder to write to ({@code --out}); null for the default of {@link
   *     #outputDirectory()}
   */
  public AnalysisOptions withOut(Path dir) {
    return copy(c -> c.out = dir);
  }

  /**
   * @param k the test family ({@code --test welch|mann-whitney}); the paired variant is used when
   *     pairing applies
   */
  public AnalysisOptions withTestKind(TestKind k) {
    return copy(c -> c.testKind = k == null ? TestKind.PARAMETRIC : k);
  }

  /**
   * @param p whether runs are paired by seed ({@code --pairing auto|paired|unpaired})
   */
  public AnalysisOptions withPairing(Pairing p) {
    return copy(c -> c.pairing = p == null ? Pairing.AUTO : p);
  }

  /**
   * @param a the significance level ({@code --alpha}): a comparison is significant when its
   *     (Holm-adjusted, in a ranking) p-value is below it, and intervals are at confidence {@code 1
   *     - a}
   * @throws AnalysisException if a is not in (0, 1)
   */
  public AnalysisOptions withAlpha(double a) {
    if (!(a > 0 && a < 1)) {
      throw AnalysisException.of(
          "Alpha %s is outside (0, 1); use e.g. 0.05", String.format(Locale.ROOT, "%s", a));
    }
    return copy(c -> c.alpha = a);
  }

  /**
   * @param mode whether sensitivity indices are computed ({@code --sensitivity}); null for AUTO
   */
  public AnalysisOptions withSensitivity(SensitivityMode mode) {
    return copy(c -> c.sensitivity = mode == null ? SensitivityMode.AUTO : mode);
  }

  /**
   * @param policy what the sensitivity analysis does with failed runs ({@code --failed-runs}); null
   *     for the default
   */
  public AnalysisOptions withFailedRuns(FailedRunPolicy policy) {
    return copy(
        c -> c.failedRuns = policy == null ? FailedRunPolicy.DROP_INCOMPLETE_BLOCKS : policy);
  }

  /**
   * @param l the layout of the input's saltelli or morris design (the CLI plans the folder's
   *     sweep.yaml for it), or null when its design is another one
   */
  public AnalysisOptions withDesignLayout(DesignLayout l) {
    return copy(c -> c.layout = l);
  }

  /**
   * @return the first input, or null for runs already read ({@link #of(Runs)})
   */
  public Path input() {
    return input;
  }

  /**
   * @return every input, in order; empty for runs already read
   */
  public List<Path> inputs() {
    return inputs;
  }

  public SensitivityMode sensitivity() {
    return sensitivity;
  }

  public FailedRunPolicy failedRuns() {
    return failedRuns;
  }

  /**
   * @return the design layout given, or null
   */
  public DesignLayout designLayout() {
    return layout;
  }

  /**
   * @return whether these options ask for a sensitivity analysis: with a layout unless OFF
   * @throws AnalysisException for ON without a saltelli or morris layout, or with several inputs
   */
  public boolean wantsSensitivity() {
    if (sensitivity == SensitivityMode.OFF) {
      return false;
    }
    if (sensitivity == SensitivityMode.ON && inputs.size() > 1) {
      throw AnalysisException.of(
          "--sensitivity on analyses one folder; give one folder, not %d", inputs.size());
    }
    if (sensitivity == SensitivityMode.ON && layout == null) {
      throw AnalysisException.of(
          "--sensitivity on needs a folder whose design is saltelli or morris; %s has"
              + " another design (or no sweep.yaml)",
          input == null ? "the runs given" : input);
    }
    return layout != null && inputs.size() <= 1;
  }

  /**
   * @return the sensitivity analysis these options configure: intervals at {@code 1 - alpha}, the
   *     failed-run policy
   */
  public Sensitivity sensitivityAnalysis() {
    return Sensitivity.withDefaults().withConfidence(1 - alpha).withFailedRuns(failedRuns);
  }

  public String metric() {
    return metric;
  }

  public Direction direction() {
    return direction;
  }

  public List<String> by() {
    return by;
  }

  public String group() {
    return group;
  }

  public String statusColumn() {
    return statusColumn;
  }

  public String okValue() {
    return okValue;
  }

  public String costColumn() {
    return costColumn;
  }

  public Path out() {
    return out;
  }

  public TestKind testKind() {
    return testKind;
  }

  public Pairing pairing() {
    return pairing;
  }

  public double alpha() {
    return alpha;
  }

  /**
   * @return the folder the files go to: {@code --out}, else {@code DIR/analysis/}, or {@code
   *     analysis/} beside a CSV; with several inputs {@code analysis-combined/} in (or beside) the
   *     first
   * @throws AnalysisException for runs already read without {@link #withOut}
   */
  public Path outputDirectory() {
    if (out != null) {
      return out;
    }
    if (input == null) {
      throw AnalysisException.of(
          "the runs were given already read, so there is no folder to write beside; name the"
              + " report folder (write(dir), or withOut(dir))");
    }
    Path base = Files.isDirectory(input) ? input : input.toAbsolutePath().getParent();
    // Several folders: beside the single-folder analysis of the first, never over it.
    return base.resolve(inputs.size() > 1 ? "analysis-combined" : "analysis");
  }

  /**
   * The runs with these options' column roles. The grouping every command shares: the {@code by}
   * columns, else the {@code group} column, else the runs' default ({@code variation_id} when
   * present).
   */
  public Runs runs() {
    // The analysis never reads run ids or durations: not loading them makes large files faster to
    // read.
    return runs(
        RunsReader.withDefaults()
            .withoutColumns(ResultsContract.RUN_ID, ResultsContract.DURATION_MS));
  }

  /**
   * As {@link #runs()}, read with this reader (which columns, threads, progress); runs already read
   * are taken as they are.
   */
  public Runs runs(RunsReader reader) {
    Runs r;
    if (given != null) {
      r = given;
    } else if (inputs.size() == 1) {
      r = reader.read(input);
    } else {
      List<Runs> parts = new java.util.ArrayList<>();
      for (Path p : inputs) {
        parts.add(reader.read(p));
      }
      r = RunsUnion.of(sweepLabels(), parts);
    }
    if (statusColumn != null || okValue != null) {
      r =
          r.withStatus(
              statusColumn == null ? ResultsContract.STATUS : statusColumn,
              okValue == null ? ResultsContract.OK : okValue);
    }
    if (costColumn != null) {
      r = r.withCost(costColumn);
    }
    if (!by.isEmpty()) {
      r = r.withGroups(by);
    } else if (group != null) {
      r = r.withVariationColumn(group);
    }
    return r;
  }

  /**
   * @return the name of each input in the {@code sweep} column: its folder name (a CSV file's name
   *     without {@code .csv}), made distinct with {@code -2}, {@code -3} …
   */
  public List<String> sweepLabels() {
    List<String> out = new java.util.ArrayList<>();
    for (Path p : inputs) {
      Path name = p.toAbsolutePath().normalize().getFileName();
      String base = name == null ? "sweep" : name.toString().replaceFirst("(?i)\\.csv$", "");
      String label = base;
      for (int k = 2; out.contains(label); k++) {
        label = base + "-" + k;
      }
      out.add(label);
    }
    return out;
  }

  /**
   * @return the race the input folder's {@code summary.json} records (its own metric, direction,
   *     test and alpha, whatever these options say), or null when the input is not a raced folder
   */
  public RacePolicy race() {
    return input != null && inputs.size() == 1 && Files.isDirectory(input)
        ? RacePolicy.read(input.resolve(ResultsContract.SUMMARY_FILE))
        : null;
  }

  /**
   * @return the ranking these options configure: direction, test kind, pairing, confidence {@code 1
   *     - alpha}
   */
  public Ranking ranking() {
    return Ranking.withDefaults()
        .withDirection(direction)
        .withTestKind(testKind)
        .withPairing(pairing)
        .withConfidence(1 - alpha);
  }

  /**
   * @return the comparison these options configure: test kind, pairing, interval at {@code 1 -
   *     alpha}
   */
  public Comparison comparison() {
    return Comparison.withDefaults()
        .withTestKind(testKind)
        .withPairing(pairing)
        .withConfidence(1 - alpha);
  }

  /**
   * @param runs the runs to analyse (from {@link #runs()})
   * @return the analysis these options configure: metric, direction, test kind, pairing, and the
   *     ranking's level and every interval at confidence {@code 1 - alpha}
   */
  public Analysis analysis(Runs runs) {
    RacePolicy race =
        runs.columnNames().contains(ResultsContract.REPLICATE)
                && runs.columnNames().contains(ResultsContract.VARIATION_ID)
            ? race()
            : null;
    Analysis a =
        Analysis.of(runs)
            .withDirection(direction)
            .withTestKind(testKind)
            .withPairing(pairing)
            .withStatistics(VariationStatistics.withDefaults().withConfidence(1 - alpha))
            .withRace(race);
    return metric == null ? a : a.withMetric(metric);
  }
}
