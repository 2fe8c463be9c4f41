package org.sweeplab.space;

import org.sweeplab.spec.Seeding;

/**
 * Run seeds: a SplitMix64 mix of (sweep seed, variation key, replicate), masked to a non-negative
 * long. They never depend on scheduling. With {@link Seeding#COMMON}, the variation key is left
 * out, so replicate r has the same seed in every variation.
 */
public final class Seeds {
  private Seeds() {}

  /** The seed of one run. */
  public static long runSeed(long sweepSeed, Seeding seeding, String variationKey, int replicate) {
    long h = mix(sweepSeed ^ 0x243F6A8885A308D3L);
    if (seeding == Seeding.INDEPENDENT) {
      h = mix(h ^ VariationKeys.hexLong(variationKey, 0));
      h = mix(h ^ VariationKeys.hexLong(variationKey, 16));
    }
    h = mix(h ^ (0x9E3779B97F4A7C15L * replicate));
    return h & Long.MAX_VALUE;
  }

  /** A seed for a named stream derived from the sweep seed (e.g. the design's sampler). */
  public static long streamSeed(long sweepSeed, String stream) {
    long h = mix(sweepSeed ^ 0x13198A2E03707344L);
    for (int i = 0; i < stream.length(); i++) {
      h = mix(h ^ stream.charAt(i));
    }
    return h;
  }

  /** The SplitMix64 finaliser. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
