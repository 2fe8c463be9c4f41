package org.sweeplab.spec;

import java.nio.file.Path;
import java.util.List;

/** Placeholder until the spec loader lands (replaced on merge). */
public final class SpecLoader {
  private SpecLoader() {}

  public static SweepSpec load(Path file) {
    throw new UnsupportedOperationException("loader not merged yet");
  }

  public static SweepSpec load(Path file, List<String> overrides) {
    throw new UnsupportedOperationException("loader not merged yet");
  }
}
