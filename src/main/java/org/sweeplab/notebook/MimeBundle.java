package org.sweeplab.notebook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One object rendered for display: its representations by MIME type (richest first), always with
 * {@code text/plain}. Binary types such as {@code image/png} hold base64 text, as Jupyter wants
 * them.
 */
public record MimeBundle(Map<String, String> data) {

  public static final String TEXT = "text/plain";
  public static final String HTML = "text/html";
  public static final String SVG = "image/svg+xml";
  public static final String PNG = "image/png";

  public MimeBundle {
    if (!data.containsKey(TEXT)) {
      throw new IllegalArgumentException(
          "A display bundle needs text/plain; it has " + data.keySet());
    }
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  /** The plain-text representation, shown where nothing richer can be. */
  public String text() {
    return data.get(TEXT);
  }

  public boolean has(String mime) {
    return data.containsKey(mime);
  }
}
