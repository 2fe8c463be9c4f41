package org.sweeplab.figures;

import java.util.Locale;

/**
 * The size, fonts, palette and legend of a figure. Immutable: {@code
 * FigureStyle.withDefaults().withSize(1200, 800).withFontSize(16)}.
 *
 * <p>Sizes are in pixels for PNG and in points for SVG and PDF (one unit each). {@link
 * #withPngScale(int)} renders PNGs at a multiple of the size, for print.
 */
public final class FigureStyle {

  /** Where the legend goes. */
  public enum Legend {
    RIGHT,
    BOTTOM,
    INSIDE,
    HIDDEN
  }

  private final int width;
  private final int height;
  private final int titleFontSize;
  private final int labelFontSize;
  private final int tickFontSize;
  private final String fontFamily;
  private final Palette palette;
  private final Legend legend;
  private final int pngScale;

  private FigureStyle(
      int width,
      int height,
      int titleFontSize,
      int labelFontSize,
      int tickFontSize,
      String fontFamily,
      Palette palette,
      Legend legend,
      int pngScale) {
    this.width = width;
    this.height = height;
    this.titleFontSize = titleFontSize;
    this.labelFontSize = labelFontSize;
    this.tickFontSize = tickFontSize;
    this.fontFamily = fontFamily;
    this.palette = palette;
    this.legend = legend;
    this.pngScale = pngScale;
  }

  /**
   * 800 × 500, sans-serif 14/12/11 (title/labels/ticks), Okabe–Ito palette, legend right, PNG scale
   * 1.
   */
  public static FigureStyle withDefaults() {
    return new FigureStyle(800, 500, 14, 12, 11, "SansSerif", Palette.OKABE_ITO, Legend.RIGHT, 1);
  }

  /**
   * @throws IllegalArgumentException if a side is not in 50..10000
   */
  public FigureStyle withSize(int width, int height) {
    if (width < 50 || height < 50 || width > 10_000 || height > 10_000) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "Figure size %dx%d: each side must be in 50..10000", width, height));
    }
    return new FigureStyle(
        width,
        height,
        titleFontSize,
        labelFontSize,
        tickFontSize,
        fontFamily,
        palette,
        legend,
        pngScale);
  }

  /**
   * Sets every font size from one base size: labels and legend {@code base}, title {@code base +
   * 2}, ticks {@code base - 1}.
   *
   * @throws IllegalArgumentException if base is not in 6..72
   */
  public FigureStyle withFontSize(int base) {
    return withFontSizes(base + 2, base, Math.max(5, base - 1));
  }

  /**
   * @throws IllegalArgumentException if a size is not in 5..96
   */
  public FigureStyle withFontSizes(int title, int labels, int ticks) {
    for (int s : new int[] {title, labels, ticks}) {
      if (s < 5 || s > 96) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "Font sizes %d/%d/%d (title/labels/ticks): each must be in 5..96",
                title,
                labels,
                ticks));
      }
    }
    return new FigureStyle(
        width, height, title, labels, ticks, fontFamily, palette, legend, pngScale);
  }

  /**
   * @param family a logical (SansSerif, Serif) or installed font family
   */
  public FigureStyle withFontFamily(String family) {
    if (family == null || family.isBlank()) {
      throw new IllegalArgumentException("Font family must not be blank");
    }
    return new FigureStyle(
        width,
        height,
        titleFontSize,
        labelFontSize,
        tickFontSize,
        family,
        palette,
        legend,
        pngScale);
  }

  public FigureStyle withPalette(Palette palette) {
    return new FigureStyle(
        width,
        height,
        titleFontSize,
        labelFontSize,
        tickFontSize,
        fontFamily,
        palette,
        legend,
        pngScale);
  }

  public FigureStyle withLegend(Legend legend) {
    return new FigureStyle(
        width,
        height,
        titleFontSize,
        labelFontSize,
        tickFontSize,
        fontFamily,
        palette,
        legend,
        pngScale);
  }

  /**
   * @throws IllegalArgumentException if scale is not in 1..8
   */
  public FigureStyle withPngScale(int scale) {
    if (scale < 1 || scale > 8) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "PNG scale %d must be in 1..8", scale));
    }
    return new FigureStyle(
        width,
        height,
        titleFontSize,
        labelFontSize,
        tickFontSize,
        fontFamily,
        palette,
        legend,
        scale);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public int titleFontSize() {
    return titleFontSize;
  }

  public int labelFontSize() {
    return labelFontSize;
  }

  public int tickFontSize() {
    return tickFontSize;
  }

  public String fontFamily() {
    return fontFamily;
  }

  public Palette palette() {
    return palette;
  }

  public Legend legend() {
    return legend;
  }

  public int pngScale() {
    return pngScale;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "FigureStyle[%dx%d, fonts %d/%d/%d %s, %s, legend %s, png x%d]",
        width,
        height,
        titleFontSize,
        labelFontSize,
        tickFontSize,
        fontFamily,
        palette,
        legend,
        pngScale);
  }
}
