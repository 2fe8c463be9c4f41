package org.sweeplab.notebook;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link KernelInstaller#install()} wrote.
 *
 * @param name the kernelspec name ({@code jupyter nbconvert --ExecutePreprocessor.kernel_name=...})
 * @param directory the kernelspec folder
 * @param kernelJson its {@code kernel.json}
 * @param java the absolute java executable the kernel runs on
 * @param argv the command Jupyter runs
 * @param env the environment it sets
 * @param imports the lines of the start-up script
 */
public record KernelInstall(
    String name,
    Path directory,
    Path kernelJson,
    Path java,
    List<String> argv,
    Map<String, String> env,
    List<String> imports) {

  public KernelInstall {
    argv = List.copyOf(argv);
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    imports = List.copyOf(imports);
  }
}
