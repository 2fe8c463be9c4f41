package org.sweeplab.analysis;

import java.util.List;

/** The result of a sensitivity analysis: {@link SobolResult} or {@link MorrisResult}. */
public sealed interface SensitivityResult extends TabularResult permits SobolResult, MorrisResult {
  /**
   * @return the metric analysed, or {@code success} under {@link FailedRunPolicy#SUCCESS_INDICATOR}
   */
  String metric();

  /**
   * @return the warnings, one sentence each
   */
  List<String> warnings();
}
