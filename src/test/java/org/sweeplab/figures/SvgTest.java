package org.sweeplab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.sweeplab.analysis.Runs;

/**
 * Figures as bare svg elements: no prolog, well-formed, ids unique per figure and references
 * following them.
 */
class SvgTest {

  private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]*)\"");
  private static final Pattern REF = Pattern.compile("url\\(#([^)]*)\\)|href=\"#([^\"]*)\"");

  @Test
  void aDocumentBecomesItsElementWithPrefixedIdsAndReferences() {
    String doc =
        """
                <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
                <svg xmlns="http://www.w3.org/2000/svg"><defs><clipPath id="clip1"><rect/></clipPath></defs>
                <g clip-path="url(#clip1)"><use xlink:href="#clip1"/><use href="#clip1"/><text>a</text></g></svg>
                """;
    assertEquals(
        """
                <svg xmlns="http://www.w3.org/2000/svg"><defs><clipPath id="p-clip1"><rect/></clipPath></defs>
                <g clip-path="url(#p-clip1)"><use xlink:href="#p-clip1"/><use href="#p-clip1"/><text>a</text></g></svg>""",
        Svg.element(doc, "p-"));
    assertThrows(IllegalArgumentException.class, () -> Svg.element("<html/>", "p"));
    assertThrows(IllegalArgumentException.class, () -> Svg.element(doc, "a\"b"));
  }

  /** The three regular expressions the scans replaced, applied one after the other. */
  private static String byExpressions(String document, String prefix) {
    String svg = document.substring(document.indexOf("<svg")).strip();
    svg =
        Pattern.compile("\\bid=\"([^\"]*)\"")
            .matcher(svg)
            .replaceAll(m -> Matcher.quoteReplacement("id=\"" + prefix + m.group(1) + "\""));
    svg =
        Pattern.compile("url\\(#([^)]*)\\)")
            .matcher(svg)
            .replaceAll(m -> Matcher.quoteReplacement("url(#" + prefix + m.group(1) + ")"));
    return Pattern.compile("\\b((?:xlink:)?href)=\"#([^\"]*)\"")
        .matcher(svg)
        .replaceAll(
            m -> Matcher.quoteReplacement(m.group(1) + "=\"#" + prefix + m.group(2) + "\""));
  }

  @Test
  void theScansPrefixWhatTheRegularExpressionsDid() {
    Runs runs = Runs.of(SyntheticResults.table(7));
    String figure = BoxPlot.withDefaults().plot(runs.withGroups("algorithm"), "score").toSvg();
    assertEquals(byExpressions(figure, "q-"), Svg.element(figure, "q-"));
    // Random texts from the fragments that matter: names glued to id= (data-id, xid), values
    // without their closing character, references in attribute text.
    String[] parts = {
      "id=\"",
      "xid=\"",
      "data-id=\"",
      "_id=\"",
      "href=\"#",
      "xlink:href=\"#",
      "ahref=\"#",
      "url(#",
      ")",
      "\"",
      "a",
      " ",
      "#",
      "é",
      "<g ",
      "/>"
    };
    Random rng = new Random(20261130L);
    for (int t = 0; t < 2_000; t++) {
      StringBuilder b = new StringBuilder("<svg ");
      for (int k = rng.nextInt(40); k > 0; k--) {
        b.append(parts[rng.nextInt(parts.length)]);
      }
      String doc = b.toString();
      assertEquals(byExpressions(doc, "p-"), Svg.element(doc, "p-"), doc);
    }
  }

  @Test
  void twoFiguresOfOneSizeShareNoIdAndEachIsWellFormed() throws Exception {
    Runs runs = Runs.of(SyntheticResults.table(7));
    Figure a = BoxPlot.withDefaults().plot(runs.withGroups("algorithm"), "score");
    Figure b = BoxPlot.withDefaults().plot(runs.withGroups("population"), "score");
    Set<String> seen = new HashSet<>();
    for (Figure f : List.of(a, b)) {
      String svg = f.toSvgElement();
      assertTrue(svg.startsWith("<svg"), svg.substring(0, 60));
      assertEquals(svg, f.toSvgElement(), "the same figure, the same ids");
      Set<String> ids = new HashSet<>();
      Matcher m = ID.matcher(svg);
      while (m.find()) {
        ids.add(m.group(1));
        assertTrue(seen.add(m.group(1)), "id used by both figures: " + m.group(1));
      }
      assertTrue(!ids.isEmpty(), "VectorGraphics2D writes clip path ids");
      Matcher r = REF.matcher(svg);
      while (r.find()) {
        String ref = r.group(1) != null ? r.group(1) : r.group(2);
        assertTrue(ids.contains(ref), "reference to a missing id " + ref);
      }
      DocumentBuilderFactory.newInstance()
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
    assertNotEquals(Svg.prefixFor(a.toSvg()), Svg.prefixFor(b.toSvg()));
  }
}
