package org.sweeplab.figures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import org.sweeplab.analysis.FigureLink;

/**
 * A report figure as HTML that needs no other file: an SVG file becomes its inline {@code <svg>}
 * element (ids prefixed with the file's name, so the figures of one page never share one), a PNG an
 * {@code <img>} with a data URI; a PDF, which browsers do not draw inline, stays a link.
 */
final class InlineFigures {

  private InlineFigures() {}

  /**
   * @param reportDir the folder the link's path is relative to
   * @throws UncheckedIOException if the figure file cannot be read
   */
  static String html(Path reportDir, FigureLink link) {
    Path file = reportDir.resolve(link.path());
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    try {
      if (lower.endsWith(".svg")) {
        String prefix =
            "fig-" + name.substring(0, name.length() - 4).replaceAll("[^A-Za-z0-9_-]", "_") + "-";
        return Svg.element(Files.readString(file, StandardCharsets.UTF_8), prefix);
      }
      if (lower.endsWith(".png")) {
        return "<img alt=\""
            + attribute(link.title())
            + "\" src=\"data:image/png;base64,"
            + Base64.getEncoder().encodeToString(Files.readAllBytes(file))
            + "\">";
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the figure " + file + " for report.html", e);
    }
    return "<a href=\""
        + attribute(link.path())
        + "\">"
        + attribute(link.title())
        + " ("
        + name
        + ")</a>";
  }

  private static String attribute(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
