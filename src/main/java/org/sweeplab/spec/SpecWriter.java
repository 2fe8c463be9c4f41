package org.sweeplab.spec;

/** Placeholder until the spec writer lands (replaced on merge). */
public final class SpecWriter {
  private SpecWriter() {}

  public static String toYaml(SweepSpec spec) {
    return "# " + spec + "\n";
  }

  public static String configHash(SweepSpec spec) {
    return Integer.toHexString(spec.withExecution(Execution.defaults()).withOutputDir(null).hashCode());
  }
}
