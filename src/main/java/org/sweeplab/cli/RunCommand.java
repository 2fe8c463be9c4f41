package org.sweeplab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sweeplab.spec.Shard;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.sweep.ExistingOutput;
import org.sweeplab.sweep.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sweeplab run SPEC}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run a sweep described by a YAML or JSON spec.")
final class RunCommand implements Callable<Integer>, ErrorHandler.SpecFileCommand {
  @Mixin SpecMixin spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output folder (default: the spec's output.dir, else" + " sweeps/NAME).")
  Path out;

  @Option(
      names = "--max-parallel",
      paramLabel = "N",
      description = "Runs in flight at once (default: all cores).")
  Integer maxParallel;

  @Option(
      names = "--shard",
      paramLabel = "i/N",
      converter = ShardConverter.class,
      description =
          "Run only slice i of N (from 0) of the plan, e.g. --shard $${SLURM_ARRAY_TASK_ID}/100, into"
              + " DIR/shard-i-of-N; combine the slices with `sweeplab merge`.")
  Shard shard;

  @Option(names = "--dry-run", description = "Show the plan and stop; nothing runs.")
  boolean dryRun;

  @Option(
      names = "--force",
      description = "Start even when the estimated cost passes the total budget.")
  boolean force;

  @Option(names = "--quiet", description = "No progress display.")
  boolean quiet;

  @Spec CommandSpec command;

  @Override
  public Path specFile() {
    return spec.specFile;
  }

  @Override
  public Integer call() {
    SweepSpec loaded = spec.load();
    if (maxParallel != null) {
      loaded = loaded.withExecution(loaded.execution().withMaxParallel(maxParallel));
    }
    // A folder that already holds runs is never resumed by `run` (that is `resume`'s job).
    Sweep sweep = Sweep.of(loaded).ifExists(ExistingOutput.FAIL);
    if (shard != null) {
      sweep = sweep.shard(shard);
    }
    if (out != null) {
      sweep = sweep.output(out);
    }
    if (dryRun) {
      PlanCommand.print(sweep, command.commandLine().getOut(), 5);
      return ErrorHandler.OK;
    }
    if (!force) {
      sweep.requireEstimateWithinBudget();
    }
    return Console.execute(
        sweep, command.commandLine().getOut(), command.commandLine().getErr(), quiet);
  }

  /** Parses {@code i/N}; picocli quotes the token in its error. */
  static final class ShardConverter implements picocli.CommandLine.ITypeConverter<Shard> {
    @Override
    public Shard convert(String value) {
      try {
        return Shard.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
