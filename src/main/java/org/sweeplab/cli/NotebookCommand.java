package org.sweeplab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sweeplab.notebook.KernelInstall;
import org.sweeplab.notebook.KernelInstaller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sweeplab notebook install}. */
@Command(
    name = "notebook",
    mixinStandardHelpOptions = true,
    description = "Set up Jupyter notebooks with sweeplab.",
    subcommands = {NotebookCommand.Install.class})
final class NotebookCommand implements Runnable {
  @Spec CommandSpec command;

  @Override
  public void run() {
    command.commandLine().usage(command.commandLine().getErr());
  }

  /** {@code sweeplab notebook install [--prefix DIR] [--name NAME]}. */
  @Command(
      name = "install",
      mixinStandardHelpOptions = true,
      description =
          "Install the Jupyter kernel \"Java (sweeplab)\": this JDK, sweeplab and its libraries.")
  static final class Install implements Callable<Integer> {
    @Option(
        names = "--prefix",
        paramLabel = "DIR",
        description =
            "Install under DIR/share/jupyter/kernels (default: your Jupyter data folder).")
    Path prefix;

    @Option(
        names = "--name",
        paramLabel = "NAME",
        description = "The kernelspec name (default " + KernelInstaller.DEFAULT_NAME + ").")
    String name;

    @Option(
        names = "--from",
        paramLabel = "DIR",
        description =
            "The built distribution folder: sweeplab-*.jar, lib/, kernel/ (default: the one running).")
    Path distribution;

    @Spec CommandSpec command;

    @Override
    public Integer call() {
      KernelInstaller installer = KernelInstaller.withDefaults();
      if (prefix != null) {
        installer = installer.withPrefix(prefix);
      }
      if (name != null) {
        installer = installer.withName(name, KernelInstaller.DEFAULT_DISPLAY_NAME);
      }
      if (distribution != null) {
        installer = installer.withDistribution(distribution);
      }
      KernelInstall k = installer.install();
      PrintWriter out = command.commandLine().getOut();
      out.printf(
          "installed the kernel \"%s\" (%s) in %s%n",
          KernelInstaller.DEFAULT_DISPLAY_NAME, k.name(), k.directory());
      out.printf("  it runs %s%n", k.java());
      if (prefix != null) {
        out.printf(
            "  Jupyter finds it when JUPYTER_PATH includes %s%n",
            prefix.toAbsolutePath().normalize().resolve("share").resolve("jupyter"));
      }
      out.println(
          "start Jupyter and open the example notebooks:  jupyter lab notebooks/   (or: jupyter notebook)");
      out.printf(
          "run one headless:  jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=%s"
              + " notebooks/01-quickstart.ipynb%n",
          k.name());
      out.flush();
      return ErrorHandler.OK;
    }
  }
}
