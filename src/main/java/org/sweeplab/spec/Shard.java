package org.sweeplab.spec;

import java.util.Locale;

/**
 * One slice of a plan's variations (the spec's {@code execution.shard}), for running a sweep as
 * {@code count} independent batch jobs (e.g. a scheduler's array job). Shard {@code index} holds
 * the variations whose index modulo {@code count} is {@code index}:
 *
 * <ul>
 *   <li>deterministic: it depends on the plan and the two numbers only, so every job computes its
 *       slice alone;
 *   <li>balanced: shard sizes differ by at most one, and round-robin spreads each stretch of the
 *       design order (say the expensive end of a grid's first parameter) over all shards instead of
 *       giving it to one;
 *   <li>complete: the shards of one count partition the variations, and ids, keys and seeds are
 *       those of the whole plan, so their outputs merge as if run together.
 * </ul>
 *
 * @param index this shard, from 0
 * @param count the number of shards, {@code >= 1}
 */
public record Shard(int index, int count) {

  public Shard {
    if (count < 1) {
      throw new IllegalArgumentException("shard count must be >= 1, got " + count);
    }
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "shard index %d is outside 0..%d for %d shards (indices start at 0)",
              index,
              count - 1,
              count));
    }
  }

  /** Shard {@code index} (from 0) of {@code count}. */
  public static Shard of(int index, int count) {
    return new Shard(index, count);
  }

  /** The single shard holding every variation. */
  public static Shard all() {
    return new Shard(0, 1);
  }

  /**
   * The shard written as {@code i/N} (as {@link #toString()} writes it), e.g. {@code 3/100}.
   *
   * @throws IllegalArgumentException when the text is not {@code i/N} with {@code 0 <= i < N}
   */
  public static Shard parse(String text) {
    String t = text == null ? "" : text.trim();
    int slash = t.indexOf('/');
    if (slash <= 0 || slash == t.length() - 1) {
      throw new IllegalArgumentException(
          "shard '" + text + "' is not of the form i/N, e.g. 0/4 (index from 0)");
    }
    int i;
    int n;
    try {
      i = Integer.parseInt(t.substring(0, slash).trim());
      n = Integer.parseInt(t.substring(slash + 1).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "shard '" + text + "' is not of the form i/N, e.g. 0/4 (index from 0)");
    }
    return new Shard(i, n);
  }

  /** True for the single shard that holds the whole plan. */
  public boolean isAll() {
    return count == 1;
  }

  /** True when the variation with this index (from 0) belongs to this shard. */
  public boolean contains(long variationIndex) {
    return variationIndex >= 0 && variationIndex % count == index;
  }

  /** The number of variations of this shard among {@code total} (indices 0 to total - 1). */
  public long sizeOf(long total) {
    if (total < 0) {
      throw new IllegalArgumentException("total must be >= 0, got " + total);
    }
    return total / count + (index < total % count ? 1 : 0);
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
