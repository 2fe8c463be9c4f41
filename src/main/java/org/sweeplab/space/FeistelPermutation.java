package org.sweeplab.space;

/**
 * A seeded pseudo-random permutation of {@code [0, n)} with random access and O(1) memory: a
 * balanced Feistel network over the smallest even number of bits covering {@code n} (so at most 4n
 * values), with SplitMix64 as round function, and cycle-walking (re-encrypting until the value
 * falls below {@code n}) to stay inside the domain. Cycle-walking keeps it a bijection on {@code
 * [0, n)}: the walk from {@code i} follows {@code i}'s cycle of the larger permutation to the next
 * member below {@code n}. Expected cost: fewer than 4 network evaluations.
 */
final class FeistelPermutation {
  private static final int ROUNDS = 6;

  private final long n;
  private final int half;
  private final long mask;
  private final long[] keys = new long[ROUNDS];

  /**
   * @param n the domain size, {@code >= 1}
   * @param seed the key
   */
  FeistelPermutation(long n, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("permutation domain must be >= 1, got " + n);
    }
    this.n = n;
    int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(n - 1));
    this.half = (bits + 1) / 2;
    this.mask = half == 32 ? 0xFFFF_FFFFL : (1L << half) - 1;
    long k = seed;
    for (int r = 0; r < ROUNDS; r++) {
      k = Seeds.mix(k + 0x9E3779B97F4A7C15L);
      keys[r] = k;
    }
  }

  /** The image of {@code i}, {@code 0 <= i < n}. */
  long apply(long i) {
    if (i < 0 || i >= n) {
      throw new IndexOutOfBoundsException("index " + i + " outside [0, " + n + ")");
    }
    long y = encrypt(i);
    while (Long.compareUnsigned(y, n) >= 0) {
      y = encrypt(y);
    }
    return y;
  }

  private long encrypt(long x) {
    long left = (x >>> half) & mask;
    long right = x & mask;
    for (int r = 0; r < ROUNDS; r++) {
      long next = left ^ (Seeds.mix(right ^ keys[r]) & mask);
      left = right;
      right = next;
    }
    return (left << half) | right;
  }
}
