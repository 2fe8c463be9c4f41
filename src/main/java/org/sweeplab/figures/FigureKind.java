package org.sweeplab.figures;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of figure {@code sweeplab plot} draws, by their command-line names. */
public enum FigureKind {
  /** {@link BoxPlot}. */
  BOX("box"),
  /** {@link RankingPlot}. */
  RANKING("ranking"),
  /** {@link HeatmapPlot}. */
  HEATMAP("heatmap"),
  /** {@link ParetoPlot}. */
  PARETO("pareto"),
  /** {@link FailureRatePlot}. */
  FAILURE_RATE("failure-rate"),
  /** {@link MainEffectsPlot}. */
  MAIN_EFFECTS("main-effects"),
  /** {@link ConvergencePlot}. */
  CONVERGENCE("convergence"),
  /** {@link ParameterCurvePlot}. */
  CURVE("curve");

  private final String label;

  FigureKind(String label) {
    this.label = label;
  }

  /**
   * @return the command-line name, e.g. {@code failure-rate}
   */
  public String label() {
    return label;
  }

  /**
   * @param label a command-line name, any case
   * @throws IllegalArgumentException naming the valid kinds, if it is none of them
   */
  public static FigureKind ofLabel(String label) {
    for (FigureKind k : values()) {
      if (k.label.equalsIgnoreCase(label == null ? "" : label.trim())) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        String.format(Locale.ROOT, "Unknown figure kind '%s'; kinds are %s", label, labels()));
  }

  /**
   * @return every kind's name, comma separated
   */
  public static String labels() {
    return Arrays.stream(values()).map(FigureKind::label).collect(Collectors.joining(", "));
  }
}
