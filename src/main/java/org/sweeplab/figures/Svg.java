package org.sweeplab.figures;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SVG documents made fit to sit inside an HTML page (a notebook output, report.html): the bare
 * {@code <svg>} element, with no XML declaration, DOCTYPE or comment before it (HTML parsers and
 * nbconvert reject or mangle those), and every id, with every reference to it, prefixed so two
 * figures on one page never share an id (VectorGraphics2D names clip paths after their shape, so
 * two figures of one size do).
 */
public final class Svg {

  private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]*)\"");
  private static final Pattern URL = Pattern.compile("url\\(#([^)]*)\\)");
  private static final Pattern HREF = Pattern.compile("\\b((?:xlink:)?href)=\"#([^\"]*)\"");

  private Svg() {}

  /**
   * The svg element of a document, its ids prefixed.
   *
   * @param document an SVG document as VectorGraphics2D or another tool writes it
   * @param idPrefix put before each id; letters, digits, '-' and '_' only
   * @throws IllegalArgumentException if the text has no {@code <svg} element or the prefix is not a
   *     plain name
   */
  public static String element(String document, String idPrefix) {
    if (!idPrefix.matches("[A-Za-z][A-Za-z0-9_-]*")) {
      throw new IllegalArgumentException(
          "An SVG id prefix is a letter then letters, digits, - or _, not '" + idPrefix + "'");
    }
    int start = document.indexOf("<svg");
    if (start < 0) {
      throw new IllegalArgumentException("Not an SVG document: no <svg element");
    }
    String svg = document.substring(start).strip();
    svg =
        ID.matcher(svg)
            .replaceAll(m -> Matcher.quoteReplacement("id=\"" + idPrefix + m.group(1) + "\""));
    svg =
        URL.matcher(svg)
            .replaceAll(m -> Matcher.quoteReplacement("url(#" + idPrefix + m.group(1) + ")"));
    return HREF.matcher(svg)
        .replaceAll(
            m -> Matcher.quoteReplacement(m.group(1) + "=\"#" + idPrefix + m.group(2) + "\""));
  }

  /**
   * The svg element of a document with ids prefixed by a digest of the document: the same figure
   * gets the same ids every time (so outputs are reproducible), different figures different ones.
   */
  public static String element(String document) {
    return element(document, prefixFor(document));
  }

  /** {@code "f"} and 16 hex digits of a 64-bit FNV-1a hash of the text, then {@code "-"}. */
  static String prefixFor(String document) {
    long h = 0xcbf29ce484222325L;
    for (byte b : document.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return String.format(Locale.ROOT, "f%016x-", h);
  }
}
