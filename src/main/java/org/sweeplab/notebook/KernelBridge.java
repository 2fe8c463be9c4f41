package org.sweeplab.notebook;

/**
 * Where rich output goes: the running Jupyter kernel, if sweeplab runs inside one it knows.
 * Implementations that talk to a kernel's classes are loaded only once that kernel is detected, so
 * nothing breaks without it.
 */
interface KernelBridge {

  /** Shows a bundle under a new display id, which it returns. */
  String display(MimeBundle bundle);

  /** Replaces what is shown under a display id. */
  void update(String displayId, MimeBundle bundle);

  /** The bridge for the kernel this JVM runs, or null outside a known kernel. */
  static KernelBridge detect() {
    String command = System.getProperty("sun.java.command", "");
    boolean rapaio =
        command.startsWith("org.rapaio.jupyter.kernel.MainApp")
            || command.contains("rapaio-jupyter-kernel");
    if (!rapaio) {
      return null;
    }
    try {
      Class.forName(
          "org.rapaio.jupyter.kernel.display.DisplayData",
          false,
          KernelBridge.class.getClassLoader());
      return new RapaioBridge();
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }
}
