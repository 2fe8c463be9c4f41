package org.sweeplab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What figures check on their own: the style. (What they draw is checked in {@link
 * FiguresDrawAnalysisTest}.)
 */
class FigureDataTest {

  @Test
  void styleRejectsNonsenseWithClearMessages() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> FigureStyle.withDefaults().withSize(10, 500));
    assertTrue(e.getMessage().contains("10x500"), e.getMessage());
    FigureStyle s = FigureStyle.withDefaults().withFontSize(20);
    assertEquals(22, s.titleFontSize());
    assertEquals(20, s.labelFontSize());
    assertEquals(19, s.tickFontSize());
    assertFalse(s == FigureStyle.withDefaults());
    assertEquals(800, FigureStyle.withDefaults().width());
  }
}
