package org.sweeplab.analysis;

/**
 * A figure to link from report.md, reserved for the figures package ({@code
 * analysis/figures/*.svg}).
 *
 * @param title the caption
 * @param path the path relative to the report, e.g. {@code figures/ranking.svg}
 */
public record FigureLink(String title, String path) {}
