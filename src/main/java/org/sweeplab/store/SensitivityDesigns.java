package org.sweeplab.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.sweeplab.results.DesignLayout;
import org.sweeplab.space.RunPlan;
import org.sweeplab.spec.SpecLoader;

/**
 * The design layout of an output folder: its {@code sweep.yaml} planned again, so a sensitivity
 * analysis knows which variation each cell of a saltelli or morris design ran as. The analysis
 * itself reads only the results contract; this is the bridge from the folder's spec.
 */
public final class SensitivityDesigns {
  private SensitivityDesigns() {}

  /**
   * @param folder an output folder, or a CSV file (which has no design)
   * @return the layout when the folder's design is saltelli or morris; empty otherwise, or without
   *     a sweep.yaml
   * @throws IllegalArgumentException (a {@link org.sweeplab.spec.SpecException}) when the
   *     sweep.yaml cannot be read
   */
  public static Optional<DesignLayout> layout(Path folder) {
    Path spec = folder.resolve("sweep.yaml");
    if (!Files.isDirectory(folder) || !Files.isRegularFile(spec)) {
      return Optional.empty();
    }
    return RunPlan.of(SpecLoader.load(spec)).layout();
  }
}
