package org.sweeplab.space;

/**
 * Counter-based uniform numbers: {@code at(key, i, j)} is a fixed function of its arguments
 * (SplitMix64 mixing), so coordinate {@code j} of sample {@code i} can be drawn in any order, by
 * any shard, and always gives the same value.
 */
final class Uniforms {
  private Uniforms() {}

  /** A double in [0, 1) with 53 random bits. */
  static double at(long key, long i, int j) {
    long h = Seeds.mix(key ^ Seeds.mix(i + 0x632BE59BD9B4E019L));
    h = Seeds.mix(h + 0x9E3779B97F4A7C15L * (j + 1L));
    return (h >>> 11) * 0x1.0p-53;
  }
}
