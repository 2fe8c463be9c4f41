package org.sweeplab.notebook;

import java.util.List;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplayTransformer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;
import org.sweeplab.analysis.TabularResult;
import org.sweeplab.figures.Figure;
import tech.tablesaw.api.Table;

/**
 * rapaio-jupyter-kernel's service-loader hook: a cell whose value is a Tablesaw table, an analysis
 * result with a table ({@link TabularResult}), a {@link Figure} or a progress snapshot shows rich,
 * without a call (the kernel matches a renderer's class and its subtypes). Registered in {@code
 * META-INF/services}; other kernels never load it.
 */
public final class SweeplabDisplayProvider implements DisplayProvider {

  @Override
  public List<DisplayRenderer> getDisplayRenderers() {
    return List.of(
        new Renderer(Table.class),
        // Analysis results (statistics, rankings, patterns, the status breakdown) as their tables.
        new Renderer(TabularResult.class),
        new Renderer(Figure.class),
        new Renderer(ProgressBar.Snapshot.class));
  }

  @Override
  public List<DisplayTransformer> getDisplayTransformers() {
    return List.of();
  }

  /**
   * Renders one class through {@link RichDisplay}; it answers any MIME request with its whole
   * bundle.
   */
  static final class Renderer implements DisplayRenderer {
    private final Class<?> type;

    Renderer(Class<?> type) {
      this.type = type;
    }

    @Override
    public Class<?> rendererClass() {
      return type;
    }

    @Override
    public boolean canRender(String mime) {
      return true;
    }

    @Override
    public DisplayData render(String mime, Object value) {
      return RapaioBridge.toDisplayData(RichDisplay.withDefaults().render(value), null);
    }
  }
}
