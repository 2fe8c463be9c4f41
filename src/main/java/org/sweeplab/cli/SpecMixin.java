package org.sweeplab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sweeplab.spec.SpecLoader;
import org.sweeplab.spec.SweepSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The spec file and its {@code --set} overrides, as {@code plan} and {@code run} take them. */
final class SpecMixin {
  @Parameters(index = "0", paramLabel = "SPEC", description = "The spec file (YAML or JSON).")
  Path specFile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Override a spec value, e.g. --set replicates=3"
              + " or --set parameters.strategy=[a,b]. Repeatable.")
  List<String> overrides = new ArrayList<>();

  /** The spec file with the overrides applied. */
  SweepSpec load() {
    return SpecLoader.load(specFile, overrides);
  }
}
