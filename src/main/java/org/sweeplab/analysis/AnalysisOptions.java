package org.sweeplab.analysis;

import org.sweeplab.results.ResultsContract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The options of one {@code analyze} call, as the CLI takes them. Null means the default.
 *
 * @param input an output folder (holding results.csv) or a CSV file
 * @param metric the metric ({@code --metric}); default the first metric column
 * @param direction {@code --lower-is-better} gives {@link Direction#LOWER_IS_BETTER}; default higher is better
 * @param by the parameter columns to group by ({@code --by}); overrides {@code group}
 * @param group the variation column ({@code --group}); default {@code variation_id}
 * @param statusColumn the status column ({@code --status-column}); default {@code status}
 * @param okValue the status of a successful run ({@code --ok-value}); default {@code ok}
 * @param costColumn the cost column ({@code --cost-column}); default {@code cost} when present
 * @param out the folder to write to ({@code --out}); default {@code DIR/analysis/} for a folder, or
 *     {@code analysis/} beside a CSV file
 */
public record AnalysisOptions(Path input, String metric, Direction direction, List<String> by, String group,
    String statusColumn, String okValue, String costColumn, Path out) {

  public AnalysisOptions {
    by = by == null ? List.of() : List.copyOf(by);
    direction = direction == null ? Direction.HIGHER_IS_BETTER : direction;
  }

  /** @return the defaults for this input */
  public static AnalysisOptions of(Path input) {
    return new AnalysisOptions(input, null, null, null, null, null, null, null, null);
  }

  /** @return the folder the files go to */
  public Path outputDirectory() {
    if (out != null) {
      return out;
    }
    Path base = Files.isDirectory(input) ? input : input.toAbsolutePath().getParent();
    return base.resolve("analysis");
  }

  /** @return the runs with these options' column roles */
  public Runs runs() {
    // The analysis never reads run ids or durations: not loading them makes large files faster to read.
    Runs r = RunsReader.withDefaults().withoutColumns(ResultsContract.RUN_ID, ResultsContract.DURATION_MS)
        .read(input);
    if (statusColumn != null || okValue != null) {
      r = r.withStatus(statusColumn == null ? "status" : statusColumn, okValue == null ? "ok" : okValue);
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
}
