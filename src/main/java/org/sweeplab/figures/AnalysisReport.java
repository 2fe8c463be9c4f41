package org.sweeplab.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.sweeplab.analysis.Analysis;
import org.sweeplab.analysis.AnalysisOptions;
import org.sweeplab.analysis.AnalysisResult;
import org.sweeplab.analysis.FigureLink;
import org.sweeplab.analysis.HtmlReport;
import org.sweeplab.analysis.MarkdownReport;
import org.sweeplab.analysis.ReportModel;
import org.sweeplab.analysis.ResultTable;
import org.sweeplab.analysis.Runs;
import org.sweeplab.analysis.RunsReader;
import org.sweeplab.analysis.Sensitivity;
import org.sweeplab.analysis.SensitivityReport;
import org.sweeplab.analysis.SensitivityResult;
import org.sweeplab.analysis.SweepSources;
import org.sweeplab.results.DesignLayout;
import org.sweeplab.results.ResultsContract;

/**
 * What {@code sweeplab analyze} writes: the analysis report of {@link Analysis} (report.md,
 * report.html, CSV and JSON) with its key figures ({@link ReportFigures}) under {@code figures/},
 * linked from report.md and inline in report.html. One call, for a folder as {@code analyze} reads
 * it or for runs already read (a notebook's):
 *
 * <pre>{@code
 * AnalysisReport.Written w = AnalysisReport.withDefaults().write(AnalysisOptions.of(Path.of("sweeps/tournament")));
 * AnalysisReport.of(runs).withMetric("score").write(Path.of("sweeps/tournament/analysis"));
 * }</pre>
 *
 * <p>When the options name no metric, the first numeric metric is analysed ({@link MetricChoice}).
 */
public final class AnalysisReport {

  /**
   * What was written.
   *
   * @param directory the report folder
   * @param metric the metric analysed and how it was chosen
   * @param figures the figures, paths relative to the folder
   * @param warnings the analysis's warnings (also in report.md)
   */
  public record Written(
      Path directory, MetricChoice metric, List<FigureLink> figures, List<String> warnings) {
    public Written {
      figures = List.copyOf(figures);
      warnings = List.copyOf(warnings);
    }

    /**
     * @return the report.md file
     */
    public Path report() {
      return directory.resolve("report.md");
    }

    /**
     * @return the report.html file: the same report, self-contained, its figures inline
     */
    public Path html() {
      return directory.resolve("report.html");
    }
  }

  private final ReportFigures figures;
  private final RunsReader.LoadProgress progress;
  private final AnalysisOptions options;

  private AnalysisReport(
      ReportFigures figures, RunsReader.LoadProgress progress, AnalysisOptions options) {
    this.progress = progress;
    this.figures = figures;
    this.options = options;
  }

  /**
   * Figures by {@link ReportFigures#withDefaults()} (SVG); the input is given to {@link #write}.
   */
  public static AnalysisReport withDefaults() {
    return new AnalysisReport(ReportFigures.withDefaults(), null, null);
  }

  /**
   * The report of runs already read ({@link AnalysisOptions#of(Runs)}: no race replay or
   * sensitivity analysis, which need the folder): {@code
   * AnalysisReport.of(runs).withMetric("score").write(dir)}.
   */
  public static AnalysisReport of(Runs runs) {
    return new AnalysisReport(ReportFigures.withDefaults(), null, AnalysisOptions.of(runs));
  }

  public AnalysisReport withFigures(ReportFigures figures) {
    return new AnalysisReport(figures, progress, options);
  }

  /**
   * @param listener told how far the read of a large results file has got, or null for nothing
   */
  public AnalysisReport withLoadProgress(RunsReader.LoadProgress listener) {
    return new AnalysisReport(figures, listener, options);
  }

  /**
   * @param metric the metric to analyse; null for the first numeric metric ({@link MetricChoice})
   * @throws IllegalStateException when this report has no runs ({@link #withDefaults()}: name the
   *     metric in the options given to {@link #write(AnalysisOptions)})
   */
  public AnalysisReport withMetric(String metric) {
    return new AnalysisReport(figures, progress, requireRuns().withMetric(metric));
  }

  /**
   * Analyses the runs of {@link #of(Runs)} and writes the report into {@code dir}, as {@link
   * #write(AnalysisOptions)} does.
   *
   * @throws IllegalStateException when this report has no runs ({@link #withDefaults()})
   */
  public Written write(Path dir) {
    return write(requireRuns().withOut(dir));
  }

  private AnalysisOptions requireRuns() {
    if (options == null) {
      throw new IllegalStateException(
          "this report has no runs; start from AnalysisReport.of(runs), or give the input with"
              + " write(AnalysisOptions.of(dir))");
    }
    return options;
  }

  /**
   * Reads the input, analyses it and writes the report with its figures.
   *
   * @throws IllegalArgumentException for input the analysis cannot use (a missing column, no
   *     numeric metric)
   * @throws java.io.UncheckedIOException if a file cannot be read or written
   */
  public Written write(AnalysisOptions options) {
    // The report needs no run ids, durations or replicate numbers: large files read faster without
    // them.
    // A race is replayed from the replicate numbers, so a raced folder keeps them.
    RunsReader reader =
        options.race() != null
            ? RunsReader.withDefaults()
                .withoutColumns(ResultsContract.RUN_ID, ResultsContract.DURATION_MS)
            : RunsReader.withDefaults()
                .withoutColumns(
                    ResultsContract.RUN_ID, ResultsContract.DURATION_MS, ResultsContract.REPLICATE);
    Runs runs = options.runs(reader.withProgress(progress));
    MetricChoice metric = MetricChoice.of(runs, options.input(), options.metric());
    Analysis analysis = options.withMetric(metric.metric()).analysis(runs);
    Path dir = options.outputDirectory();
    // The data files need no figures: the statistics' files are written on a second core while
    // the ranking and the patterns are computed, the others while the figures are drawn.
    CompletableFuture<Void> statistics = new CompletableFuture<>();
    java.util.concurrent.atomic.AtomicBoolean begun =
        new java.util.concurrent.atomic.AtomicBoolean();
    AnalysisResult result;
    try {
      result =
          analysis.run(
              s -> {
                begun.set(true);
                background(
                    "sweeplab-report-statistics",
                    () -> analysis.writeStatistics(s, dir),
                    statistics);
              });
    } catch (RuntimeException | Error e) {
      // Once the command fails, no file is written: the statistics' files, if begun, end first.
      if (begun.get()) {
        awaitQuietly(statistics);
      }
      throw e;
    }
    CompletableFuture<Void> data = new CompletableFuture<>();
    background(
        "sweeplab-report-data",
        () -> analysis.writeData(result, dir, Analysis.DataFiles.ALL_BUT_STATISTICS),
        data);
    List<FigureLink> links = new ArrayList<>(figures.write(result, dir));
    List<String> warnings = new ArrayList<>(result.warnings());
    List<ReportModel.Section> extra = new ArrayList<>();
    ResultTable sources = SweepSources.of(options, runs);
    if (sources.rowCount() > 0) {
      SweepSources.write(sources, dir.resolve("sources.csv"));
      extra.addAll(SweepSources.sections(sources));
    }
    if (options.wantsSensitivity()) {
      SensitivityResult s = sensitivity(options, runs, metric.metric());
      SensitivityReport.writeData(s, dir);
      List<FigureLink> own = figures.writeSensitivity(s, dir);
      links.addAll(own);
      extra.addAll(SensitivityReport.sections(s, own));
      warnings.addAll(s.warnings());
    }
    // One model, two renderings: report.md links the figure files, report.html carries them inline.
    ReportModel model = analysis.withFigures(links).report(result).withSections(extra);
    MarkdownReport.write(model, dir);
    HtmlReport.withDefaults()
        .withFigureHtml(link -> InlineFigures.html(dir, link))
        .write(model, dir);
    // Last: the reports need no data file, so they are written while the data files still are.
    awaitData(statistics);
    awaitData(data);
    return new Written(dir, metric, links, warnings);
  }

  /** The Sobol indices or Morris measures the folder's design calls for. */
  private static SensitivityResult sensitivity(AnalysisOptions options, Runs runs, String metric) {
    DesignLayout layout = options.designLayout();
    Sensitivity s = options.sensitivityAnalysis();
    return layout.kind() == DesignLayout.Kind.SALTELLI
        ? s.sobolIndices(runs, metric, layout)
        : s.morrisMeasures(runs, metric, layout);
  }

  /** Runs the task on a thread of its own, completing done when it ends. */
  private static void background(String name, Runnable task, CompletableFuture<Void> done) {
    Thread t =
        new Thread(
            () -> {
              try {
                task.run();
                done.complete(null);
              } catch (Throwable e) {
                done.completeExceptionally(e);
              }
            },
            name);
    t.setDaemon(true);
    t.start();
  }

  /** Waits for a background task, whatever its end. */
  private static void awaitQuietly(CompletableFuture<Void> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // the analysis's own failure is the one to report
    }
  }

  private static void awaitData(CompletableFuture<Void> data) {
    try {
      data.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while writing the report", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
