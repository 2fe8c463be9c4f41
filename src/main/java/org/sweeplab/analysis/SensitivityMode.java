package org.sweeplab.analysis;

/** Whether {@code analyze} computes sensitivity indices ({@code --sensitivity}). */
public enum SensitivityMode {
  /** When the folder's design is saltelli or morris (the default). */
  AUTO,
  /** Always: an error when the folder's design is neither saltelli nor morris. */
  ON,
  /** Never. */
  OFF
}
