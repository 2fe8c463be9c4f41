package org.sweeplab.figures;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The file formats a {@link Figure} exports to. SVG and PDF hold vector drawing operations, PNG
 * pixels.
 */
public enum ExportFormat {
  SVG("svg"),
  PDF("pdf"),
  PNG("png");

  private final String extension;

  ExportFormat(String extension) {
    this.extension = extension;
  }

  /** The file extension, without the dot. */
  public String extension() {
    return extension;
  }

  /**
   * The format a file name asks for, by its extension.
   *
   * @throws IllegalArgumentException if the extension is none of svg, pdf, png
   */
  public static ExportFormat ofFile(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    for (ExportFormat f : values()) {
      if (f.extension.equals(ext)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "Cannot tell the figure format of '%s': use the extension .svg, .pdf or .png",
            name));
  }
}
