package org.sweeplab.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Several problems of one spec, found in one reading, so a user fixes them all at once instead of
 * one per attempt. It is a {@link SpecException} whose fields are those of the first problem; its
 * message is one line per problem (at most {@link #MAX} of them, then a line saying how many more
 * there were).
 */
public final class SpecErrors extends SpecException {
  private static final long serialVersionUID = 1L;

  /** The most problems listed. */
  public static final int MAX = 20;

  private final List<SpecException> errors;
  private final int more;

  private SpecErrors(List<SpecException> errors, int more) {
    super(
        errors.get(0).source(),
        errors.get(0).line(),
        errors.get(0).column(),
        errors.get(0).keyPath(),
        joined(errors, more));
    this.errors = List.copyOf(errors);
    this.more = more;
  }

  /**
   * The problems as one exception: the only one itself, or a {@code SpecErrors} of the first {@link
   * #MAX}.
   *
   * @throws IllegalArgumentException when the list is empty
   */
  public static SpecException of(List<SpecException> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("no problems to report");
    }
    List<SpecException> flat = new ArrayList<>();
    for (SpecException e : problems) {
      if (e instanceof SpecErrors many) {
        flat.addAll(many.errors);
      } else {
        flat.add(e);
      }
    }
    if (flat.size() == 1) {
      return flat.get(0);
    }
    int more = Math.max(0, flat.size() - MAX);
    return new SpecErrors(flat.subList(0, Math.min(MAX, flat.size())), more);
  }

  /** Each problem, in the order found (at most {@link #MAX}). */
  public List<SpecException> errors() {
    return errors;
  }

  @Override
  public String getMessage() {
    return joined(errors, more);
  }

  @Override
  public SpecException withSource(String file) {
    List<SpecException> out = new ArrayList<>();
    for (SpecException e : errors) {
      out.add(e.withSource(file));
    }
    return new SpecErrors(out, more);
  }

  private static String joined(List<SpecException> errors, int more) {
    StringBuilder sb = new StringBuilder();
    for (SpecException e : errors) {
      sb.append(sb.length() == 0 ? "" : "\n").append(e.getMessage());
    }
    if (more > 0) {
      sb.append("\n(")
          .append(more)
          .append(" more problem")
          .append(more == 1 ? "" : "s")
          .append(" not shown; fix these first)");
    }
    return sb.toString();
  }
}
