package org.sweeplab.spec;

import org.apache.commons.math3.special.Erf;

/** The standard normal quantile function, via Commons Math's inverse error function. */
final class InverseNormal {
  private InverseNormal() {}

  static double quantile(double p) {
    return Math.sqrt(2) * Erf.erfInv(2 * p - 1);
  }
}
