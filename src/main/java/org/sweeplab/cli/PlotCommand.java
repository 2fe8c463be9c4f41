package org.sweeplab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sweeplab.analysis.Direction;
import org.sweeplab.figures.FigureKind;
import org.sweeplab.figures.FigureStyle;
import org.sweeplab.figures.QuickFigure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sweeplab plot DIR --kind KIND --out FILE}. */
@Command(name = "plot", mixinStandardHelpOptions = true,
    description = "Draw one figure of a sweep's runs as SVG, PDF or PNG (by the --out extension).")
final class PlotCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR|CSV", description = "An output folder (holding results.csv) or a CSV.")
  Path input;

  @Option(names = "--kind", required = true, paramLabel = "KIND",
      description = "box, ranking, heatmap, pareto, failure-rate, main-effects, convergence or curve.")
  String kind;

  @Option(names = "--metric", paramLabel = "M", description = "The metric (default: the first numeric metric).")
  String metric;

  @Option(names = "--by", paramLabel = "COLS", split = ",",
      description = "Columns, comma separated: the groups, the heatmap's x,y, the curve's parameter[,group].")
  List<String> by = new ArrayList<>();

  @Option(names = "--lower-is-better", description = "Smaller values of the metric are better (ranking, pareto).")
  boolean lowerIsBetter;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "fig.svg, fig.pdf or fig.png.")
  Path out;

  @Option(names = "--width", paramLabel = "W", description = "Width in points/pixels (default 800).")
  int width = 800;

  @Option(names = "--height", paramLabel = "H", description = "Height in points/pixels (default 500).")
  int height = 500;

  @Option(names = "--font-size", paramLabel = "PT", description = "Base font size (default 12).")
  int fontSize = 12;

  @Spec
  CommandSpec command;

  @Override
  public Integer call() {
    FigureStyle style = FigureStyle.withDefaults().withSize(width, height).withFontSize(fontSize);
    Path written = QuickFigure.of(FigureKind.ofLabel(kind)).withMetric(metric).withBy(by).withStyle(style)
        .withDirection(lowerIsBetter ? Direction.LOWER_IS_BETTER : Direction.HIGHER_IS_BETTER)
        .plot(input).save(out);
    command.commandLine().getOut().printf("wrote %s%n", written);
    command.commandLine().getOut().flush();
    return ErrorHandler.OK;
  }
}
