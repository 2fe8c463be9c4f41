package org.sweeplab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.analysis.Runs;
import org.sweeplab.figures.BoxPlot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The browser check tells a drawn figure from the empty {@code <svg height=.. width=..>} that
 * nbconvert's cleaner leaves, and two figures on one page both draw (their clip paths do not
 * clash).
 */
class HeadlessChromiumTest {

  @Test
  void anEmptiedSvgIsBlankAndRealFiguresAreNot(@TempDir Path dir) throws Exception {
    Table t =
        Table.create(
            "t",
            StringColumn.create("g", "a", "a", "a", "b", "b", "b"),
            DoubleColumn.create("m", 1, 2, 3, 5, 6, 8));
    String figure = BoxPlot.withDefaults().plot(Runs.of(t).withGroups("g"), "m").toSvgElement();
    Path page =
        Files.writeString(
            dir.resolve("page.html"),
            "<!DOCTYPE html><html><body>"
                + "<div><svg height=\"500px\" width=\"800px\"></svg></div>"
                + "<div>"
                + figure
                + "</div><div>"
                + figure
                + "</div></body></html>",
            StandardCharsets.UTF_8);
    try (HeadlessChromium browser = HeadlessChromium.startOrSkip(1000, 800)) {
      browser.open(page.toUri());
      List<HeadlessChromium.Rect> rects = browser.rects("svg");
      assertEquals(3, rects.size());
      assertEquals(
          0.0, HeadlessChromium.inkShare(browser.screenshot(rects.get(0))), "the emptied svg");
      for (int i = 1; i < 3; i++) {
        double ink = HeadlessChromium.inkShare(browser.screenshot(rects.get(i)));
        assertTrue(ink > 0.01, "figure " + i + " ink " + ink);
      }
      assertEquals(
          List.of(page.toUri().toString()), browser.requestedUrls(), "one request: the page");
    }
  }
}
