package org.sweeplab.figures;

import java.awt.Color;
import java.util.List;

/** Colour palettes for figures. */
public enum Palette {
  /**
   * The Okabe–Ito palette (Okabe &amp; Ito, "Color Universal Design", 2008), told apart by the
   * common forms of colour blindness; black comes last, as it is kept for highlights.
   */
  OKABE_ITO(
      List.of(
          new Color(0x0072B2),
          new Color(0xE69F00),
          new Color(0x009E73),
          new Color(0xD55E00),
          new Color(0xCC79A7),
          new Color(0x56B4E9),
          new Color(0xF0E442),
          new Color(0x000000))),
  /** Greys from dark to light, for print in black and white. */
  GREYS(
      List.of(
          new Color(0x252525),
          new Color(0x636363),
          new Color(0x969696),
          new Color(0xBDBDBD),
          new Color(0x525252),
          new Color(0x737373),
          new Color(0xA0A0A0),
          new Color(0xD9D9D9)));

  private final List<Color> colors;

  Palette(List<Color> colors) {
    this.colors = colors;
  }

  /** The palette's colours in order. */
  public List<Color> colors() {
    return colors;
  }

  /** The i-th colour, cycling. */
  public Color color(int i) {
    return colors.get(Math.floorMod(i, colors.size()));
  }

  /** The i-th colour with an alpha (0..255), for bands and fills. */
  public Color translucent(int i, int alpha) {
    Color c = color(i);
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }
}
