package org.sweeplab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sweeplab.figures.FigureKind;
import org.sweeplab.figures.FigureStyle;
import org.sweeplab.figures.QuickFigure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sweeplab plot DIR --kind KIND --out FILE}: groups, tests and ranks as {@code analyze} does
 * (the same options), so a figure and the report agree.
 */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    description = "Draw one figure of a sweep's runs as SVG, PDF or PNG (by the --out extension).")
final class PlotCommand implements Callable<Integer> {
  @Mixin RunsMixin runs;

  @Option(
      names = "--kind",
      required = true,
      paramLabel = "KIND",
      description =
          "box, ranking, heatmap, pareto, failure-rate, main-effects, convergence or curve.")
  String kind;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "fig.svg, fig.pdf or fig.png.")
  Path out;

  @Option(
      names = "--width",
      paramLabel = "W",
      description = "Width in points/pixels (default 800).")
  int width = 800;

  @Option(
      names = "--height",
      paramLabel = "H",
      description = "Height in points/pixels (default 500).")
  int height = 500;

  @Option(names = "--font-size", paramLabel = "PT", description = "Base font size (default 12).")
  int fontSize = 12;

  @Spec CommandSpec command;

  @Override
  public Integer call() {
    FigureStyle style = FigureStyle.withDefaults().withSize(width, height).withFontSize(fontSize);
    Path written =
        QuickFigure.of(FigureKind.ofLabel(kind)).withStyle(style).plot(runs.options()).save(out);
    command.commandLine().getOut().printf("wrote %s%n", written);
    command.commandLine().getOut().flush();
    return ErrorHandler.OK;
  }
}
