package org.sweeplab.notebook;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sweeplab.analysis.TabularResult;
import org.sweeplab.figures.Figure;
import tech.tablesaw.api.Table;

/**
 * Turns objects into {@link MimeBundle}s: a Tablesaw table into HTML ({@link HtmlTable}); a {@link Figure}
 * into SVG, or PNG when so configured or when SVG fails; a {@link ProgressBar.Snapshot} into its HTML bar; a
 * typed analysis result ({@link TabularResult}: variation statistics, cost efficiency, patterns) as its table;
 * anything else into its {@code toString()}. Immutable: {@code RichDisplay.withDefaults().withFigures(PNG)}.
 */
public final class RichDisplay {

    /** How figures are shown. */
    public enum FigureMime { SVG, PNG }

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
            boolean svg = false;
            if (figures == FigureMime.SVG) {
                try {
                    data.put(MimeBundle.SVG, figure.toSvg());
                    svg = true;
                } catch (RuntimeException e) {
                    svg = false;
                }
            }
            if (!svg) {
                data.put(MimeBundle.PNG, Base64.getEncoder().encodeToString(figure.toPng()));
            }
            data.put(MimeBundle.TEXT, figure.toString());
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
}
