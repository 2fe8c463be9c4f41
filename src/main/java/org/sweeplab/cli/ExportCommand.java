package org.sweeplab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sweeplab.analysis.ParquetRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sweeplab export DIR --to parquet}: {@code DIR/results.parquet} from {@code results.csv},
 * typed.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Write a sweep folder's runs in another format: --to parquet writes DIR/results.parquet, its columns"
            + " typed from summary.json (pandas, Spark, DuckDB and analyze read it).")
final class ExportCommand implements Callable<Integer> {
  /** The formats export writes. */
  enum Target {
    parquet
  }

  @Parameters(index = "0", paramLabel = "DIR", description = "A sweep output folder.")
  Path dir;

  @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "parquet.")
  Target to;

  @Spec CommandSpec command;

  @Override
  public Integer call() {
    ParquetRuns.Export e = ParquetRuns.export(dir);
    var out = command.commandLine().getOut();
    out.printf("wrote %s (%,d rows)%n", e.file(), e.rows());
    if (!e.textColumns().isEmpty()) {
      out.printf(
          "note: column(s) %s hold text as well as numbers, so they are written as text%n",
          String.join(", ", e.textColumns()));
    }
    out.flush();
    return ErrorHandler.OK;
  }
}
