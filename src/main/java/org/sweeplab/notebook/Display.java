package org.sweeplab.notebook;

import java.io.PrintStream;
import java.util.UUID;

/**
 * Shows objects in a notebook: rich (HTML tables, SVG figures) inside rapaio-jupyter-kernel, as
 * plain text written to a stream elsewhere (IJava, JJava, JShell, a terminal). Nothing breaks
 * outside a kernel.
 *
 * <pre>{@code
 * Display.withDefaults().show(results);          // HTML table in the kernel, text elsewhere
 * String id = display.show(progress); display.update(id, newer);   // updates in place in the kernel
 * }</pre>
 *
 * <p>Immutable. The default fallback stream is {@code System.out}, which notebook kernels show in
 * the cell.
 */
public final class Display {

  private final RichDisplay renderer;
  private final KernelBridge bridge;
  private final PrintStream fallback;

  private Display(RichDisplay renderer, KernelBridge bridge, PrintStream fallback) {
    this.renderer = renderer;
    this.bridge = bridge;
    this.fallback = fallback;
  }

  /**
   * Renders with {@link RichDisplay#withDefaults()}, to the kernel this JVM runs, else to
   * System.out.
   */
  public static Display withDefaults() {
    return new Display(RichDisplay.withDefaults(), KernelBridge.detect(), System.out);
  }

  public Display withRenderer(RichDisplay renderer) {
    return new Display(renderer, bridge, fallback);
  }

  /** Where plain text goes outside a kernel; null drops it. */
  public Display withFallback(PrintStream out) {
    return new Display(renderer, bridge, out);
  }

  Display withBridge(KernelBridge bridge) {
    return new Display(renderer, bridge, fallback);
  }

  /** True when output goes to a Jupyter kernel as rich display data. */
  public boolean isRich() {
    return bridge != null;
  }

  /** Shows an object; returns its display id, for {@link #update}. */
  public String show(Object value) {
    MimeBundle bundle = renderer.render(value);
    if (bridge != null) {
      return bridge.display(bundle);
    }
    if (fallback != null) {
      fallback.println(bundle.text());
    }
    return UUID.randomUUID().toString();
  }

  /**
   * Replaces what a display id shows. Outside a kernel, where nothing can be replaced, the text is
   * written again.
   */
  public void update(String displayId, Object value) {
    MimeBundle bundle = renderer.render(value);
    if (bridge != null) {
      bridge.update(displayId, bundle);
    } else if (fallback != null) {
      fallback.println(bundle.text());
    }
  }
}
