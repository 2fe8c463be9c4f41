"""Writes the example notebooks' cells, without outputs. Run from notebooks/ with /usr/bin/python3 (nbformat);
then execute them to fill in the outputs that are committed (see docs/notebooks-readme-section.md):
  JUPYTER_PATH=../target/jupyter-prefix/share/jupyter python3 -m nbconvert --to notebook --execute --inplace \
      --ExecutePreprocessor.kernel_name=sweeplab-java 0*.ipynb
"""
import nbformat as nbf

KERNEL = {"kernelspec": {"name": "sweeplab-java", "display_name": "Java (sweeplab)", "language": "java"},
          "language_info": {"name": "java", "file_extension": ".jshell", "mimetype": "text/x-java-source"}}

def nb(name, cells):
    n = nbf.v4.new_notebook(metadata=KERNEL)
    for kind, src in cells:
        src = src.strip("\n")
        n.cells.append(nbf.v4.new_markdown_cell(src) if kind == "md" else nbf.v4.new_code_cell(src))
    nbf.write(n, name)

md = lambda s: ("md", s)
code = lambda s: ("code", s)

nb("01-quickstart.ipynb", [
    md("""
# Quickstart: a sweep in a notebook

Define a parameter sweep in Java, run it with a live progress bar, and look at the runs as a table.
The kernel "Java (sweeplab)" (`./sweeplab notebook install`) has sweeplab and Tablesaw on its class path and
their packages imported, so there is nothing to set up.

Everything this notebook writes goes under `../target/notebooks/`, never into the repository.
"""),
    code("""
import java.nio.file.*;
Path out = Path.of("../target/notebooks/quickstart");
"""),
    md("""
## 1. Declare the sweep
Two strategies, four budgets, ten replicates each: 80 runs. The simulation is a lambda: it gets the run's
parameters and a seeded random generator, and returns metrics. Every run's seed comes from the sweep seed and
the parameter values, so the results are the same on every execution.
"""),
    code("""
SweepSpec spec = SweepSpec.builder("quickstart").simulation("lambda")
    .values("strategy", "greedy", "lookahead")
    .range("budget", 100, 400, 100)
    .replicates(10).seed(42).build();
Sweep.of(spec).plan().runCount()
"""),
    code("""
Simulation game = ctx -> {
    long budget = ctx.getLong("budget");
    boolean lookahead = ctx.getString("strategy").equals("lookahead");
    Thread.sleep(5);                                   // pretend to work, so the progress bar has something to show
    if (lookahead && budget == 100 && ctx.random().nextDouble() < 0.4) {
        throw new IllegalStateException("search ran out of budget");
    }
    double skill = lookahead ? Math.log(budget) * 12 : 50;
    double score = skill + 8 * ctx.random().nextGaussian();
    return Metrics.builder().put("score", score).cost(budget * 1e-5).build();
};
"""),
    md("""
## 2. Run it, with live progress
`Notebook.run` attaches a `NotebookProgress` listener: one bar, updated in place (at most four times a second),
then the final counts.
"""),
    code("""
SweepResult result = Notebook.run(Sweep.of(spec).simulation(game).output(out).ifExists(ExistingOutput.REPLACE));
result.count(RunStatus.OK) + " ok, " + result.count(RunStatus.FAILED) + " failed"
"""),
    md("""
## 3. The table of runs
`result.table()` is a Tablesaw table, one row per run; the kernel shows it as HTML (long tables are cut to their
first and last rows).
"""),
    code("""
Table runs = result.table();
runs
"""),
    md("Tablesaw's own API works on it, e.g. the mean score per strategy and budget:"),
    code("""
runs.where(runs.stringColumn("status").isEqualTo("ok"))
    .summarize("score", tech.tablesaw.aggregate.AggregateFunctions.mean, tech.tablesaw.aggregate.AggregateFunctions.count)
    .by("strategy", "budget")
"""),
    md("And a figure shows inline as SVG:"),
    code("""
ParameterCurvePlot.withDefaults().withTitle("Score against budget").plot(VariationStatistics.withDefaults()
    .compute(Runs.of(runs).withGroups("strategy", "budget"), "score"), "score", "budget", "strategy")
"""),
    md("""
Next: `02-analysing-a-sweep-folder.ipynb` reads a saved sweep and asks which variation is really best.
"""),
])

nb("02-analysing-a-sweep-folder.ipynb", [
    md("""
# Analysing a saved sweep folder

Which variation is best, is it really better or just noise, and what does it cost? This notebook runs the
tournament example (`data/examples/tournament.yaml`: 4 strategies × 4 difficulties × 3 worlds × 4 tick budgets,
5 replicates, 900 runs) into `../target/notebooks/tournament`, then reads the folder back as any saved sweep.
"""),
    code("""
import java.nio.file.*;
Path dir = Path.of("../target/notebooks/tournament");
SweepSpec spec = SpecLoader.load(Path.of("../data/examples/tournament.yaml"), List.of());
SweepResult sweep = Notebook.run(Sweep.of(spec).output(dir).ifExists(ExistingOutput.REPLACE));
"""),
    md("""
## Read the folder
`Runs.read` takes an output folder (or any CSV) and knows the column roles of the output contract: parameters,
status, metrics, cost, seed.
"""),
    code("""
Runs runs = Runs.read(dir);
"parameters " + runs.parameters() + ", metrics " + runs.metrics() + ", cost " + runs.costColumn()
"""),
    md("""
## Statistics by strategy
Group by any set of parameters. Failed runs count in the success rate (with its Wilson interval) but not in the
metric statistics.
"""),
    code("""
Table byStrategy = VariationStatistics.withDefaults().compute(runs.withGroups("strategy"), "score").toTable();
byStrategy.selectColumns("strategy", "runs", "ok_runs", "success_rate", "success_ci_low", "success_ci_high",
    "mean", "mean_ci_low", "mean_ci_high", "sd", "median")
"""),
    md("""
## Ranking with significance
Each variation is compared with the best (Welch's t, Holm-adjusted; paired tests when runs share seeds).
`distinguishable_from_best` is false when the data cannot tell them apart; `rank_group` groups the ties.
"""),
    code("""
RankingResult ranking = Ranking.withDefaults().rank(runs.withGroups("strategy", "difficulty"), "score");
ranking.table().selectColumns("rank", "strategy", "difficulty", "n", "mean", "ci_low", "ci_high", "p_holm",
    "distinguishable_from_best", "effect_size", "rank_group")
"""),
    code("""
ranking.overall()
"""),
    md("Across all 174 variations, the top ones cannot be separated with 5 replicates; the ranking says how many more runs it would take:"),
    code("""
Ranking.withDefaults().rank(runs, "score").advice()
"""),
    md("The same ranking as a figure: the best in black, those indistinguishable from it in orange."),
    code("""
RankingPlot.withDefaults().plot(Ranking.withDefaults().rank(runs.withGroups("strategy"), "score"), "score")
"""),
    md("""
## An ad hoc comparison
Any two subsets, each a filter on parameters: is MCTS better than minimax on hard opponents?
"""),
    code("""
Comparison.Result c = Comparison.withDefaults().compare(runs, "score",
    Subset.parse("strategy=mcts & difficulty=hard"), Subset.parse("strategy=minimax & difficulty=hard"));
c.table()
"""),
    md("""
## Cost efficiency
Per strategy: total cost, cost per successful run, metric per unit of cost, and the Pareto front of (score, cost).
"""),
    code("""
CostEfficiency.withDefaults().compute(runs.withGroups("strategy"), "score").toTable()
"""),
    code("""
ParetoPlot.withDefaults().withTitle("Mean cost per run against mean score per variation")
    .plot(CostEfficiency.withDefaults().compute(runs, "score"), "cost")
"""),
    md("""
## The whole report in one call
`sweeplab analyze DIR` does the same from the command line: report.md, CSV and JSON files, and the key figures.
"""),
    code("""
AnalysisReport.Written report = AnalysisReport.withDefaults()
    .write(AnalysisOptions.of(dir).withMetric("score").withOut(dir.resolve("analysis")));
Table.create("written to " + dir.relativize(report.report()),
    StringColumn.create("figure", report.figures().stream().map(FigureLink::path).toList()),
    StringColumn.create("title", report.figures().stream().map(FigureLink::title).toList()))
"""),
])

nb("03-why-do-runs-fail.ipynb", [
    md("""
# Why do runs fail?

60 of the tournament's 900 runs fail. Under which conditions, and does that change what the successful runs
seem to say? Pattern detection treats failure as an outcome: failure rates per parameter level and pair of
levels, rules in the parameters' own terms, clusters of error messages, and a survivorship warning.
"""),
    code("""
import java.nio.file.*;
Path dir = Path.of("../target/notebooks/tournament-failures");
SweepSpec spec = SpecLoader.load(Path.of("../data/examples/tournament.yaml"), List.of());
Notebook.run(Sweep.of(spec).output(dir).ifExists(ExistingOutput.REPLACE));
Runs runs = Runs.read(dir);
Analysis.statusBreakdown(runs)
""".replace("Analysis.statusBreakdown(runs)", "Analysis.of(runs).withMetric(\"score\").run().statusBreakdown()")),
    md("## Where do failures concentrate?"),
    code("""
FailureRatePlot.withDefaults().plot(runs, "difficulty")
"""),
    code("""
FailureRatePlot.withDefaults().plot(runs, "tick_budget")
"""),
    code("""
Patterns.Result patterns = Patterns.withDefaults().detect(runs, "score");
"""),
    md("""
### Failure modes
Each parameter level, and each pair of levels of two parameters, with its failure rate against the overall rate,
the lift, and a Holm-adjusted p-value (Fisher's exact test, or chi-square for large counts).
"""),
    code("""
patterns.failureModes()
"""),
    md("""
### Failure rules
Boxes in the parameters' own terms, with their density (the share of their runs that fail) and coverage (the
share of all failures they hold).
"""),
    code("""
patterns.failureRules()
"""),
    md("### Failure clusters: error messages with numbers, paths and ids stripped, grouped"),
    code("""
patterns.failureClusters()
"""),
    md("### What raises success"),
    code("""
patterns.successFactors()
"""),
    md("""
## Does failure bias the metric?
When a parameter's levels fail at different rates, the ok runs of each level are a different selection: a
difference in their score may be selection rather than an effect. The main effects carry a verdict, and the
warnings say so explicitly.
"""),
    code("""
patterns.mainEffects()
"""),
    code("""
String.join("\\n", patterns.warnings())
"""),
])

nb("04-figures-for-a-paper.ipynb", [
    md("""
# Figures for a paper

The M/M/c queue example (`data/examples/mmc.yaml`) simulates mean waiting times that have an exact value (Erlang C).
This notebook draws publication figures from it in one style (serif fonts, a fixed size, the colour-blind-safe
Okabe–Ito palette) and exports them as SVG and PDF, which hold real vectors, and PNG at 3× for slides. Files go
to `../target/notebooks/figures/`.
"""),
    code("""
import java.nio.file.*;
Path dir = Path.of("../target/notebooks/mmc");
Path figures = Path.of("../target/notebooks/figures");
SweepSpec spec = SpecLoader.load(Path.of("../data/examples/mmc.yaml"), List.of());
Notebook.run(Sweep.of(spec).output(dir).ifExists(ExistingOutput.REPLACE));
Table runs = Results.load(dir);
runs.selectColumns("arrival_rate", "servers", "mean_wait", "erlang_c_wait", "status").first(5)
"""),
    md("## One style for every figure"),
    code("""
FigureStyle paper = FigureStyle.withDefaults()
    .withSize(480, 320)          // points: about 17 x 11 cm
    .withFontFamily("Serif")
    .withFontSize(11)
    .withLegend(FigureStyle.Legend.BOTTOM)
    .withPngScale(3);
paper
"""),
    md("## Mean waiting time against load, one curve per number of servers, with 95% CI bands"),
    code("""
Figure curve = ParameterCurvePlot.withDefaults().withStyle(paper).withTitle("Mean wait in M/M/c")
    .plot(VariationStatistics.withDefaults().compute(Runs.of(runs).withGroups("servers", "arrival_rate"), "mean_wait"),
        "mean_wait", "arrival_rate", "servers");
curve
"""),
    md("## Convergence: is 10 replicates enough?"),
    code("""
Table heavy = runs.where(runs.doubleColumn("arrival_rate").isEqualTo(0.9));
Figure convergence = ConvergencePlot.withDefaults().withStyle(paper).withTitle("Running mean at load 0.9")
    .plot(RunningMean.withDefaults().compute(Runs.of(heavy).withGroups("servers"), "mean_wait"));
convergence
"""),
    md("## A heatmap of the mean per cell"),
    code("""
Figure heat = HeatmapPlot.withDefaults().withStyle(paper).plot(VariationStatistics.withDefaults()
    .compute(Runs.of(runs).withGroups("arrival_rate", "servers"), "mean_wait"), "mean_wait", "arrival_rate", "servers");
heat
"""),
    md("""
## Export
`save` picks the format from the extension. SVG and PDF are vectors (paths and text, no embedded bitmap);
PNG is drawn at the style's PNG scale.
"""),
    code("""
List<Path> written = new ArrayList<>();
for (var e : Map.of("mean-wait", curve, "convergence", convergence, "heatmap", heat).entrySet()) {
    for (String ext : List.of("svg", "pdf", "png")) {
        written.add(e.getValue().save(figures.resolve(e.getKey() + "." + ext)));
    }
}
Table files = Table.create("exported figures",
    StringColumn.create("file", written.stream().map(p -> p.getFileName().toString()).sorted().toList()));
LongColumn bytes = LongColumn.create("bytes");
for (String f : files.stringColumn("file")) {
    bytes.append(Files.size(figures.resolve(f)));
}
files.addColumns(bytes);
files
"""),
    md("A quick check that the PDF holds vector drawing operations and no image:"),
    code("""
String pdf = new String(Files.readAllBytes(figures.resolve("mean-wait.pdf")), java.nio.charset.StandardCharsets.ISO_8859_1);
"PDF " + (pdf.startsWith("%PDF") ? "ok" : "broken") + ", image XObjects: " + (pdf.contains("/Subtype /Image") ? "yes" : "none")
"""),
])

nb("05-sensitivity.ipynb", [
    md("""
# Which parameters matter: Sobol indices and Morris screening

The built-in `ishigami` simulation is the Ishigami function (a = 7, b = 0.1), whose Sobol indices are known in
closed form: S1 = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437). A Saltelli design samples it; the analysis
estimates the indices with bootstrap intervals and shows how they settle as the sample grows. Files go to
`../target/notebooks/`.
"""),
    code("""
import java.nio.file.*;
Path dir = Path.of("../target/notebooks/ishigami");
SweepSpec spec = SpecLoader.load(Path.of("../data/examples/ishigami.yaml"), List.of("design.samples=256"));
Sweep.of(spec).plan().layout().orElseThrow().describe()
"""),
    code("""
Notebook.run(Sweep.of(spec).output(dir).ifExists(ExistingOutput.REPLACE));
var layout = SensitivityDesigns.layout(dir).orElseThrow();   // which variation each cell of the blocks ran as
SobolResult sobol = Sensitivity.sobol(Runs.read(dir), "y", layout);
sobol
"""),
    md("""
## The indices
S1 is the share of the variance of `y` due to a parameter alone, ST with all its interactions. x3 acts only
through its interaction with x1: S1 near 0, ST about 0.24.
"""),
    code("""
sobol.toTable()
"""),
    code("""
SensitivityPlot.withDefaults().indices(sobol)
"""),
    md("""
## Is N enough? Convergence on nested subsamples
The same indices on the first N/8, N/4, N/2 and N base rows. An interval that still straddles 0, or is wider than
the tolerance (0.1), is named in the warnings.
"""),
    code("""
sobol.convergenceTable().where(sobol.convergenceTable().stringColumn("index").isNotEqualTo("S2"))
"""),
    code("""
SensitivityPlot.withDefaults().convergence(sobol)
"""),
    code("""
String.join("\\n", sobol.warnings())
"""),
    md("""
## Morris screening of Sobol's g-function
Eight factors with a = (0, 1, 4.5, 9, 99, 99, 99, 99): the smaller a_i, the more x_i matters. 20 trajectories
(180 runs) rank them by μ*; σ shows interaction and non-linearity.
"""),
    code("""
Path g = Path.of("../target/notebooks/sobol-g");
SweepSpec gSpec = SpecLoader.load(Path.of("../data/examples/sobol-g.yaml"), List.of("design.trajectories=20"));
Notebook.run(Sweep.of(gSpec).output(g).ifExists(ExistingOutput.REPLACE));
MorrisResult morris = Sensitivity.morris(Runs.read(g), "y", SensitivityDesigns.layout(g).orElseThrow());
morris.toTable()
"""),
    code("""
SensitivityPlot.withDefaults().muStarSigma(morris)
"""),
])
