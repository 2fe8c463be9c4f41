package org.sweeplab.figures;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Renders one figure of every kind from a results table: the gallery of {@code docs/figures.md}.
 *
 * <p>Run it with the synthetic table: {@code Gallery docs/figures}; or with a sweep's results:
 * {@code Gallery OUT_DIR results.csv METRIC GROUP PARAM_X PARAM_Y} (PARAM_X numeric; cost column "cost").
 * From Maven: {@code ./mvnw -o -q test-compile exec:java} is not set up, so use the test class path, e.g.
 * {@code java -cp target/classes:target/test-classes:'target/lib/*' org.sweeplab.figures.Gallery docs/figures}.
 */
public final class Gallery {

    /** The columns the gallery reads. */
    public record Columns(String metric, String group, String numericParameter, String otherParameter) {
    }

    /** The synthetic results' columns. */
    public static final Columns SYNTHETIC = new Columns("score", "algorithm", "population", "mutation");

    private Gallery() {
    }

    /** One figure per kind, by kind name, in the order the docs show them. */
    public static Map<String, Figure> figures(Table results, Columns c, FigureStyle style) {
        Map<String, Figure> out = new LinkedHashMap<>();
        out.put("box", BoxPlot.withDefaults().withStyle(style).plot(results, c.metric(), c.group()));
        out.put("ranking", RankingPlot.withDefaults().withStyle(style).plot(results, c.metric(), c.group()));
        out.put("heatmap", HeatmapPlot.withDefaults().withStyle(style)
                .plot(results, c.metric(), c.numericParameter(), c.otherParameter()));
        out.put("pareto", ParetoPlot.withDefaults().withStyle(style)
                .plot(results, "cost", c.metric(), "variation_id"));
        out.put("failure-rate", FailureRatePlot.withDefaults().withStyle(style).plot(results, c.otherParameter()));
        out.put("main-effects", MainEffectsPlot.withDefaults().withStyle(style)
                .plot(results, c.metric(), List.of(c.group(), c.numericParameter(), c.otherParameter())));
        String first = results.column(c.numericParameter()).getString(0);
        Table oneSetting = results.where(results.column(c.numericParameter()).asStringColumn().isEqualTo(first));
        out.put("convergence", ConvergencePlot.withDefaults().withStyle(style)
                .plot(oneSetting, c.metric(), c.group()));
        out.put("parameter-curve", ParameterCurvePlot.withDefaults().withStyle(style)
                .plot(results, c.metric(), c.numericParameter(), c.group()));
        return out;
    }

    /** Writes {@code <kind>.png} for every kind into dir; returns the files. */
    public static List<Path> write(Table results, Columns c, FigureStyle style, Path dir) {
        return figures(results, c, style).entrySet().stream()
                .map(e -> e.getValue().save(dir.resolve(e.getKey() + ".png"))).toList();
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        if (args.length != 1 && args.length != 6) {
            System.err.println("usage: Gallery OUT_DIR [RESULTS_CSV METRIC GROUP PARAM_X PARAM_Y]");
            System.exit(2);
        }
        Table results = args.length == 1 ? SyntheticResults.table(7) : Table.read().csv(args[1]);
        Columns c = args.length == 1 ? SYNTHETIC : new Columns(args[2], args[3], args[4], args[5]);
        FigureStyle style = FigureStyle.withDefaults().withSize(720, 440).withPngScale(1);
        write(results, c, style, Path.of(args[0])).forEach(System.out::println);
    }
}
