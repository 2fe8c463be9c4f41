package org.sweeplab.figures;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A figure: an XChart chart drawn in a {@link FigureStyle}, exported as SVG, PDF or PNG.
 *
 * <p>SVG and PDF are written by VectorGraphics2D (through XChart's {@link VectorGraphicsEncoder}):
 * lines, areas and markers become paths, text becomes text, nothing is rasterised. PNG is drawn at
 * the style's size times its PNG scale. Everything runs headless.
 */
public final class Figure {

  private final String kind;
  private final Chart<?, ?> chart;
  private final FigureStyle style;

  Figure(String kind, Chart<?, ?> chart, FigureStyle style) {
    this.kind = kind;
    this.chart = chart;
    this.style = style;
  }

  /** The figure kind, e.g. {@code "box"} or {@code "ranking"}. */
  public String kind() {
    return kind;
  }

  /** The underlying XChart chart, for adjustments XChart offers and sweeplab does not. */
  public Chart<?, ?> chart() {
    return chart;
  }

  public FigureStyle style() {
    return style;
  }

  /** The figure as an SVG document (with its XML declaration and DOCTYPE, as a file wants). */
  public String toSvg() {
    return new String(vector(VectorGraphicsFormat.SVG), StandardCharsets.UTF_8);
  }

  /**
   * The figure as a bare {@code <svg>} element to put inside an HTML page, its ids unique to this
   * figure ({@link Svg#element(String)}).
   */
  public String toSvgElement() {
    return Svg.element(toSvg());
  }

  /** The figure as a PDF document. */
  public byte[] toPdf() {
    return vector(VectorGraphicsFormat.PDF);
  }

  /**
   * The figure as a PNG image of {@code width × scale} by {@code height × scale} pixels, the
   * style's scale.
   */
  public byte[] toPng() {
    return toPng(style.pngScale());
  }

  /**
   * The figure as a PNG image at a scale of its own (1 for a light fallback beside SVG).
   *
   * @throws IllegalArgumentException if scale is not in 1..8
   */
  public byte[] toPng(int scale) {
    if (scale < 1 || scale > 8) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "A PNG scale is 1..8, not %d", scale));
    }
    BufferedImage image =
        new BufferedImage(
            style.width() * scale, style.height() * scale, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.scale(scale, scale);
      chart.paint(g, style.width(), style.height());
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode the " + kind + " figure as PNG", e);
    }
    return out.toByteArray();
  }

  /** The figure in a format. */
  public byte[] toBytes(ExportFormat format) {
    return switch (format) {
      case SVG -> toSvg().getBytes(StandardCharsets.UTF_8);
      case PDF -> toPdf();
      case PNG -> toPng();
    };
  }

  /**
   * Writes the figure in the format its extension names, creating parent folders.
   *
   * @throws IllegalArgumentException if the extension is none of svg, pdf, png
   * @throws UncheckedIOException if the file cannot be written
   */
  public Path save(Path file) {
    return save(file, ExportFormat.ofFile(file));
  }

  /** Writes the figure in a format, creating parent folders. */
  public Path save(Path file, ExportFormat format) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.write(file, toBytes(format));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the " + kind + " figure to " + file, e);
    }
  }

  private byte[] vector(VectorGraphicsFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      VectorGraphicsEncoder.saveVectorGraphic(chart, out, format);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode the " + kind + " figure as " + format, e);
    }
    return out.toByteArray();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Figure[%s, %dx%d]", kind, style.width(), style.height());
  }
}
