package org.sweeplab.analysis;

import java.util.Locale;

/**
 * Input that an analysis cannot use: a missing column, an empty table, a NaN under {@link
 * NaNPolicy#ERROR}, a bad option. The message names the bad value and where it was found, e.g.
 * {@code Column 'scor' is not present in table results.csv; columns are [run_id, ...]}.
 */
public final class AnalysisException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private AnalysisException(String message) {
    super(message);
  }

  /**
   * @param template a {@link String#format} template, formatted with {@link Locale#ROOT}
   * @param args the template's arguments
   * @return the exception, to be thrown by the caller
   */
  static AnalysisException of(String template, Object... args) {
    return new AnalysisException(String.format(Locale.ROOT, template, args));
  }
}
