package org.sweeplab.spec;

/**
 * A spec that cannot be used. The message names the source (file), the position (line and column,
 * when known) and the key path, then says what is wrong and what would be valid, e.g. {@code
 * tournament.yaml:12:5: parameters.ticks.step: step -10 has the wrong sign ...}.
 */
public class SpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;
  private final String keyPath;
  private final String problem;

  /**
   * @param source the file name or another label of the input, may be null
   * @param line 1-based line, or 0 when unknown
   * @param column 1-based column, or 0 when unknown
   * @param keyPath the dotted key path ({@code execution.max_parallel}), may be null
   * @param problem what is wrong and what would be valid
   */
  public SpecException(String source, int line, int column, String keyPath, String problem) {
    super(format(source, line, column, keyPath, problem));
    this.source = source;
    this.line = line;
    this.column = column;
    this.keyPath = keyPath;
    this.problem = problem;
  }

  /**
   * This error with a source attached when it has none (e.g. a design error found after loading a
   * file).
   */
  public SpecException withSource(String file) {
    if (source != null) {
      return this;
    }
    SpecException e = new SpecException(file, line, column, keyPath, problem);
    e.initCause(getCause());
    return e;
  }

  public String source() {
    return source;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public String keyPath() {
    return keyPath;
  }

  public String problem() {
    return problem;
  }

  private static String format(
      String source, int line, int column, String keyPath, String problem) {
    StringBuilder sb = new StringBuilder();
    if (source != null) {
      sb.append(source);
      if (line > 0) {
        sb.append(':').append(line);
        if (column > 0) {
          sb.append(':').append(column);
        }
      }
      sb.append(": ");
    }
    if (keyPath != null && !keyPath.isEmpty()) {
      sb.append(keyPath).append(": ");
    }
    sb.append(problem);
    return sb.toString();
  }
}
