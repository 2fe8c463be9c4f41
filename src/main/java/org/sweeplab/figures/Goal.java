package org.sweeplab.figures;

/** Whether larger or smaller values of a metric are better. */
public enum Goal {
    MAXIMIZE, MINIMIZE;

    /** True if a is better than b. */
    boolean better(double a, double b) {
        return this == MAXIMIZE ? a > b : a < b;
    }
}
