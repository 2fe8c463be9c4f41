package org.sweeplab.notebook;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sweeplab.analysis.TabularResult;
import org.sweeplab.figures.Figure;
import tech.tablesaw.api.Table;

/**
 * Turns objects into {@link MimeBundle}s: a Tablesaw table into HTML ({@link HtmlTable}); a {@link
 * Figure} into an inline SVG element with a PNG fallback, or PNG alone when so configured or when
 * SVG fails; a {@link ProgressBar.Snapshot} into its HTML bar; a typed analysis result ({@link
 * TabularResult}: variation statistics, cost efficiency, patterns) as its table; anything else into
 * its {@code toString()}. Immutable: {@code RichDisplay.withDefaults().withFigures(PNG)}.
 */
public final class RichDisplay {

  /** How figures are shown. */
  public enum FigureMime {
    SVG,
    PNG
  }

  private final HtmlTable tables;
  private final FigureMime figures;
  private final int textRows;

  private RichDisplay(HtmlTable tables, FigureMime figures, int textRows) {
    this.tables = tables;
    this.figures = figures;
    this.textRows = textRows;
  }

  /** Tables by {@link HtmlTable#withDefaults()}, figures as SVG, plain-text tables of 20 rows. */
  public static RichDisplay withDefaults() {
    return new RichDisplay(HtmlTable.withDefaults(), FigureMime.SVG, 20);
  }

  public RichDisplay withTables(HtmlTable tables) {
    return new RichDisplay(tables, figures, textRows);
  }

  public RichDisplay withFigures(FigureMime figures) {
    return new RichDisplay(tables, figures, textRows);
  }

  /** The representations of an object; null shows as {@code null}. */
  public MimeBundle render(Object value) {
    Map<String, String> data = new LinkedHashMap<>();
    if (value instanceof Table table) {
      data.put(MimeBundle.HTML, tables.render(table));
      data.put(MimeBundle.TEXT, table.print(textRows));
    } else if (value instanceof Figure figure) {
      figure(figure, data);
    } else if (value instanceof ProgressBar.Snapshot snapshot) {
      data.put(MimeBundle.HTML, snapshot.html());
      data.put(MimeBundle.TEXT, snapshot.text());
    } else if (value instanceof MimeBundle bundle) {
      return bundle;
    } else if (value instanceof TabularResult result) {
      return render(result.toTable());
    } else {
      data.put(MimeBundle.TEXT, String.valueOf(value));
    }
    return new MimeBundle(data);
  }

  /**
   * A figure's representations. As SVG: the bare svg element as {@code image/svg+xml} and also as
   * {@code text/html}, with a PNG at scale 1 beside them for viewers without SVG. The HTML copy is
   * what makes the figure survive {@code jupyter nbconvert --to html}: nbconvert prefers text/html
   * and inserts it as it is, while it passes image/svg+xml through lxml's HTML cleaner, which drops
   * every element and attribute HTML does not know (g, path, clipPath, viewBox, ...) and leaves an
   * empty {@code <svg>}. Notebook front ends prefer text/html too, so they show the same inline
   * SVG.
   */
  private void figure(Figure figure, Map<String, String> data) {
    String svg = null;
    if (figures == FigureMime.SVG) {
      try {
        svg = figure.toSvgElement();
      } catch (RuntimeException e) {
        svg = null; // the PNG below still shows the figure
      }
    }
    if (svg != null) {
      data.put(MimeBundle.HTML, svg);
      data.put(MimeBundle.SVG, svg);
    }
    data.put(
        MimeBundle.PNG,
        Base64.getEncoder().encodeToString(svg != null ? figure.toPng(1) : figure.toPng()));
    data.put(MimeBundle.TEXT, figure.toString());
  }
}
