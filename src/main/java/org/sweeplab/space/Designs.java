package org.sweeplab.space;

import java.util.List;
import java.util.Locale;
import org.sweeplab.spec.Design;
import org.sweeplab.spec.Parameter;
import org.sweeplab.spec.SpecException;
import org.sweeplab.spec.SweepSpec;

/**
 * Builds the {@link DesignSpace} of a spec: checks that the design fits the parameters, then picks
 * the implementation. Every sampler is keyed from {@code Seeds.streamSeed(spec.seed(), "design")},
 * so the points depend on the sweep seed and nothing else.
 *
 * <table>
 *   <caption>Designs</caption>
 *   <tr><th>type</th><th>parameters</th><th>space</th></tr>
 *   <tr><td>grid</td><td>discrete only</td><td>{@link GridSpace}</td></tr>
 *   <tr><td>random</td><td>discrete only</td><td>{@link RandomGridSpace}: without replacement</td></tr>
 *   <tr><td>random</td><td>any distribution</td><td>{@link MonteCarlo}: independent draws</td></tr>
 *   <tr><td>lhs</td><td>at least one distribution</td><td>{@link LatinHypercube}</td></tr>
 *   <tr><td>sobol</td><td>at least one distribution, at most 1000</td><td>{@link SobolPoints}</td></tr>
 *   <tr><td>list</td><td>any, or none</td><td>{@link ListPoints}</td></tr>
 *   <tr><td>saltelli</td><td>any, at most 500</td><td>{@link BlockSpace} of {@link SaltelliCells}</td></tr>
 *   <tr><td>morris</td><td>any</td><td>{@link BlockSpace} of {@link MorrisCells}</td></tr>
 * </table>
 */
final class Designs {
  private Designs() {}

  static DesignSpace of(SweepSpec spec) {
    Design design = spec.design();
    return switch (design.type()) {
      case GRID -> grid(spec);
      case RANDOM -> random(spec);
      case LHS ->
          sampled(
              spec,
              new LatinHypercube(needsDistribution(spec), design.samples(), designSeed(spec)));
      case SOBOL -> sobol(spec);
      case LIST -> list(spec);
      case SALTELLI, MORRIS -> blocks(spec);
    };
  }

  /** The key of the design's samplers. */
  static long designSeed(SweepSpec spec) {
    return Seeds.streamSeed(spec.seed(), "design");
  }

  private static DesignSpace grid(SweepSpec spec) {
    Grid grid = Grid.of(spec.parameters());
    return new GridSpace(spec.parameterNames(), grid, gridRules(spec, grid));
  }

  private static DesignSpace random(SweepSpec spec) {
    long samples = spec.design().samples();
    if (!spec.parameters().stream().allMatch(Parameter::isDiscrete)) {
      return sampled(spec, new MonteCarlo(spec.parameters(), samples, designSeed(spec)));
    }
    Grid grid = Grid.of(spec.parameters());
    GridRules rules = gridRules(spec, grid);
    long allowed = rules.allowed(grid.size());
    if (samples > allowed) {
      throw new SpecException(
          null,
          0,
          0,
          "design.samples",
          String.format(
              Locale.ROOT,
              "%d random samples without replacement, but the grid has only %d points%s; use samples <= %d, or design"
                  + " 'grid' to run them all",
              samples,
              allowed,
              allowed == grid.size() ? "" : " after exclusions (" + grid.size() + " before)",
              allowed));
    }
    return new RandomGridSpace(spec.parameterNames(), grid, rules, samples, designSeed(spec));
  }

  private static DesignSpace sobol(SweepSpec spec) {
    List<Parameter> params = needsDistribution(spec);
    if (params.size() > SobolPoints.MAX_DIMENSIONS) {
      throw new SpecException(
          null,
          0,
          0,
          "design.type",
          String.format(
              Locale.ROOT,
              "design 'sobol' supports at most %d parameters (Commons Math's direction numbers), got %d; use design"
                  + " 'lhs' or 'random'",
              SobolPoints.MAX_DIMENSIONS,
              params.size()));
    }
    if (spec.design().samples() > SobolPoints.MAX_POINTS) {
      throw new SpecException(
          null,
          0,
          0,
          "design.samples",
          String.format(
              Locale.ROOT,
              "design 'sobol' supports at most %d samples, got %d; use design 'lhs' or 'random'",
              SobolPoints.MAX_POINTS,
              spec.design().samples()));
    }
    return sampled(spec, new SobolPoints(params, spec.design().samples()));
  }

  /**
   * A saltelli or morris design: every parameter is a factor, and the cells must fit the layout's
   * ints.
   */
  static BlockSpace blocks(SweepSpec spec) {
    Design design = spec.design();
    List<Parameter> params = spec.parameters();
    String type = design.type().label();
    if (params.isEmpty()) {
      throw new SpecException(
          null, 0, 0, "parameters", "design '" + type + "' needs at least one parameter");
    }
    boolean second = design.order() == Design.Order.SECOND;
    int k = params.size();
    if (design.type() == Design.Type.SALTELLI && k > SaltelliCells.MAX_FACTORS) {
      throw new SpecException(
          null,
          0,
          0,
          "parameters",
          String.format(
              Locale.ROOT,
              "design 'saltelli' supports at most %d parameters (Commons Math's Sobol sequence has 1000 dimensions, A"
                  + " and B take k each), got %d",
              SaltelliCells.MAX_FACTORS,
              k));
    }
    long width = design.type() == Design.Type.MORRIS ? k + 1 : second ? 2L * k + 2 : k + 2L;
    if (design.samples() > BlockSpace.MAX_CELLS / width) {
      throw new SpecException(
          null,
          0,
          0,
          design.type() == Design.Type.MORRIS ? "design.trajectories" : "design.samples",
          String.format(
              Locale.ROOT,
              "design '%s' with %d parameters supports at most %d %s" + " (%d cells each), got %d",
              type,
              k,
              BlockSpace.MAX_CELLS / width,
              design.type() == Design.Type.MORRIS ? "trajectories" : "samples",
              width,
              design.samples()));
    }
    return design.type() == Design.Type.SALTELLI
        ? BlockSpace.saltelli(params, spec.parameterNames(), design.samples(), second)
        : BlockSpace.morris(
            params, spec.parameterNames(), design.samples(), design.levels(), designSeed(spec));
  }

  private static DesignSpace list(SweepSpec spec) {
    ListPoints points = ListPoints.of(spec);
    return new FilteredSpace(
        points.names(), points, Exclusions.of(spec.design().exclude(), points.names()));
  }

  /**
   * A sampled design with its exclusions. With rules, the exact size needs one pass over the
   * samples, so their number is bounded by {@code execution.max_runs} first.
   */
  private static DesignSpace sampled(SweepSpec spec, PointSource source) {
    Exclusions exclusions = Exclusions.of(spec.design().exclude(), spec.parameterNames());
    long cap = spec.execution().maxRuns();
    if (!exclusions.isEmpty() && source.count() > cap) {
      throw new SpecException(
          null,
          0,
          0,
          "design.samples",
          String.format(
              Locale.ROOT,
              "%d samples with exclusion rules: the points left are counted one by one, so samples must be at most"
                  + " execution.max_runs (%d); lower samples or raise max_runs",
              source.count(),
              cap));
    }
    return new FilteredSpace(spec.parameterNames(), source, exclusions);
  }

  private static GridRules gridRules(SweepSpec spec, Grid grid) {
    return new GridRules(
        grid, Exclusions.of(spec.design().exclude(), spec.parameterNames()).onGrid(grid));
  }

  /** The parameters of an lhs or sobol design, which need at least one distribution. */
  private static List<Parameter> needsDistribution(SweepSpec spec) {
    if (spec.parameters().stream().allMatch(Parameter::isDiscrete)) {
      String type = spec.design().type().label();
      throw new SpecException(
          null,
          0,
          0,
          "design.type",
          String.format(
              Locale.ROOT,
              "design '%s' needs at least one distribution parameter; with only values use 'grid' or 'random'",
              type));
    }
    return spec.parameters();
  }
}
