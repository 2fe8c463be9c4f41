package org.sweeplab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sweeplab.analysis.AnalysisOptions;
import org.sweeplab.analysis.Direction;
import org.sweeplab.analysis.Pairing;
import org.sweeplab.analysis.TestKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * The options {@code analyze}, {@code plot} and {@code compare} share: the input, the metric, the
 * column roles and the grouping, and the test, pairing and significance level. They become one
 * {@link AnalysisOptions}, so every command reads, groups and tests the runs the same way.
 */
final class RunsMixin {
  @Parameters(
      arity = "1..*",
      paramLabel = "DIR|CSV",
      description =
          "An output folder (holding results.csv) or a"
              + " CSV; several are analysed together, with a column 'sweep' naming each run's folder (--by sweep).")
  List<Path> inputs = new ArrayList<>();

  @Option(
      names = "--metric",
      paramLabel = "M",
      description = "The metric (default: the first numeric metric).")
  String metric;

  @Option(names = "--lower-is-better", description = "Smaller values of the metric are better.")
  boolean lowerIsBetter;

  @Option(
      names = "--by",
      paramLabel = "COLS",
      split = ",",
      description =
          "Group by these columns (comma separated); for plot, the columns of the figure.")
  List<String> by = new ArrayList<>();

  @Option(
      names = "--group",
      paramLabel = "COL",
      description = "The variation column (default variation_id).")
  String group;

  @Option(
      names = "--status-column",
      paramLabel = "C",
      description = "The status column (default status).")
  String statusColumn;

  @Option(
      names = "--ok-value",
      paramLabel = "V",
      description = "The status of a successful run (default ok).")
  String okValue;

  @Option(
      names = "--cost-column",
      paramLabel = "C",
      description = "The cost column (default cost, when present).")
  String costColumn;

  @Option(
      names = "--test",
      paramLabel = "TEST",
      converter = TestConverter.class,
      description =
          "welch (default; paired t when runs are paired) or mann-whitney (Wilcoxon signed-rank when"
              + " paired).")
  TestKind test = TestKind.PARAMETRIC;

  @Option(
      names = "--pairing",
      paramLabel = "MODE",
      description = "auto (default: pair by seed when the runs share seeds), paired or unpaired.")
  Pairing pairing = Pairing.AUTO;

  @Option(
      names = "--alpha",
      paramLabel = "A",
      description = "The significance level (default 0.05); intervals are at confidence 1 - A.")
  double alpha = AnalysisOptions.ALPHA;

  /**
   * @return these options, as the library takes them
   */
  AnalysisOptions options() {
    return AnalysisOptions.of(inputs)
        .withMetric(metric)
        .withDirection(lowerIsBetter ? Direction.LOWER_IS_BETTER : Direction.HIGHER_IS_BETTER)
        .withBy(by)
        .withGroup(group)
        .withStatusColumn(statusColumn)
        .withOkValue(okValue)
        .withCostColumn(costColumn)
        .withTestKind(test)
        .withPairing(pairing)
        .withAlpha(alpha);
  }

  /** {@code welch} or {@code mann-whitney}, any case. */
  static final class TestConverter implements ITypeConverter<TestKind> {
    @Override
    public TestKind convert(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "welch" -> TestKind.PARAMETRIC;
        case "mann-whitney" -> TestKind.RANK;
        default ->
            throw new TypeConversionException(
                "'" + value + "' is not a test; use welch or mann-whitney");
      };
    }
  }
}
