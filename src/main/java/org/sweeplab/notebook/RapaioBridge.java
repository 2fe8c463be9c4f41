package org.sweeplab.notebook;

import java.util.Map;
import java.util.UUID;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.display.DisplayData;

/**
 * Sends display bundles to rapaio-jupyter-kernel ({@code display_data} and {@code
 * update_display_data}). Loaded only inside that kernel, see {@link KernelBridge#detect()}.
 */
final class RapaioBridge implements KernelBridge {

  @Override
  public String display(MimeBundle bundle) {
    String id = UUID.randomUUID().toString();
    MainApp.kernel.display(toDisplayData(bundle, id));
    return id;
  }

  @Override
  public void update(String displayId, MimeBundle bundle) {
    MainApp.kernel.updateDisplay(toDisplayData(bundle, displayId));
  }

  /**
   * The kernel's form of a bundle; SVG goes by its MIME name, as the kernel's MimeType enum has
   * none.
   */
  static DisplayData toDisplayData(MimeBundle bundle, String displayId) {
    DisplayData data = DisplayData.withType(MimeBundle.TEXT, bundle.text());
    for (Map.Entry<String, String> e : bundle.data().entrySet()) {
      data.putData(e.getKey(), e.getValue());
    }
    if (displayId != null) {
      data.setDisplayId(displayId);
    }
    return data;
  }
}
