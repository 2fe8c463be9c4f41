package org.sweeplab.notebook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.jar.JarFile;

/**
 * Installs the Jupyter kernelspec "Java (sweeplab)": rapaio-jupyter-kernel started on this JDK (by
 * its absolute path), with sweeplab and its dependencies on the class path and sweeplab's packages
 * imported.
 *
 * <p>Immutable: {@code KernelInstaller.withDefaults().withDistribution(dir).install()}. The
 * defaults: the JDK that runs this code ({@code java.home}), the distribution folder that holds
 * sweeplab's jar, and the user's Jupyter data folder ({@code $JUPYTER_DATA_DIR/kernels}, else
 * {@code $(jupyter --data-dir)/kernels} when Jupyter is on the PATH, else {@code
 * $HOME/.local/share/jupyter/kernels} on Linux, {@code ~/Library/Jupyter/kernels} on macOS, {@code
 * %APPDATA%\jupyter\kernels} on Windows).
 *
 * <p>The kernelspec folder {@code <kernels>/<name>/} holds {@code kernel.json} and {@code
 * init.jshell}, the imports run at start-up ({@code RJK_INIT_SCRIPT}).
 */
public final class KernelInstaller {

  /** The kernelspec's folder name, which notebooks use as {@code kernelspec.name}. */
  public static final String DEFAULT_NAME = "sweeplab-java";

  /** The name Jupyter shows. */
  public static final String DEFAULT_DISPLAY_NAME = "Java (sweeplab)";

  /** sweeplab's packages imported at start-up, each only if the class path holds it. */
  static final List<String> PACKAGES =
      List.of("spec", "space", "sim", "run", "store", "sweep", "analysis", "figures", "notebook");

  private static final String MAIN_CLASS = "org.rapaio.jupyter.kernel.MainApp";

  private final Path java;
  private final KernelClasspath classpath;
  private final Path kernelsDir;
  private final String name;
  private final String displayName;

  private KernelInstaller(
      Path java, KernelClasspath classpath, Path kernelsDir, String name, String displayName) {
    this.java = java;
    this.classpath = classpath;
    this.kernelsDir = kernelsDir;
    this.name = name;
    this.displayName = displayName;
  }

  /**
   * The defaults described above; the class path is resolved at {@link #install()} if none was
   * given.
   */
  public static KernelInstaller withDefaults() {
    return new KernelInstaller(
        currentJava(), null, userKernelsDir(), DEFAULT_NAME, DEFAULT_DISPLAY_NAME);
  }

  /**
   * @param java the {@code java} executable the kernel runs on; made absolute
   */
  public KernelInstaller withJava(Path java) {
    return new KernelInstaller(
        java.toAbsolutePath().normalize(), classpath, kernelsDir, name, displayName);
  }

  /**
   * Takes the class path from a built distribution folder; see {@link
   * KernelClasspath#ofDistribution}.
   */
  public KernelInstaller withDistribution(Path dir) {
    return withClasspath(KernelClasspath.ofDistribution(dir));
  }

  public KernelInstaller withClasspath(KernelClasspath classpath) {
    return new KernelInstaller(java, classpath, kernelsDir, name, displayName);
  }

  /**
   * Installs under {@code prefix/share/jupyter/kernels}, as {@code jupyter kernelspec install
   * --prefix} does.
   */
  public KernelInstaller withPrefix(Path prefix) {
    return withKernelsDir(prefix.resolve("share").resolve("jupyter").resolve("kernels"));
  }

  /**
   * Installs under this {@code kernels} folder; Jupyter finds it if its parent is on {@code
   * JUPYTER_PATH}.
   */
  public KernelInstaller withKernelsDir(Path dir) {
    return new KernelInstaller(
        java, classpath, dir.toAbsolutePath().normalize(), name, displayName);
  }

  /**
   * @param name the kernelspec's folder name: letters, digits, {@code -_.}
   * @param displayName the name Jupyter shows
   * @throws IllegalArgumentException if the name has other characters
   */
  public KernelInstaller withName(String name, String displayName) {
    if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Kernel name '%s' may hold only letters, digits, '.', '_' and '-'",
              name));
    }
    return new KernelInstaller(java, classpath, kernelsDir, name, displayName);
  }

  /**
   * Writes the kernelspec, replacing one of the same name.
   *
   * @throws IllegalArgumentException if the java executable or a class path part is missing
   * @throws UncheckedIOException if the kernelspec cannot be written
   */
  public KernelInstall install() {
    if (!Files.isExecutable(java)) {
      throw new IllegalArgumentException(
          "The java executable " + java + " does not exist or cannot run");
    }
    KernelClasspath cp =
        classpath != null ? classpath : KernelClasspath.ofDistribution(codeSourceDir());
    Path dir = kernelsDir.resolve(name);
    Path initScript = dir.resolve("init.jshell");
    List<String> argv =
        List.of(
            java.toString(),
            "-Djava.awt.headless=true",
            "-cp",
            cp.jvmClasspath(),
            MAIN_CLASS,
            "{connection_file}");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("RJK_CLASSPATH", cp.shellClasspath());
    env.put("RJK_INIT_SCRIPT", initScript.toString());
    env.put("RJK_TIMEOUT_MILLIS", "-1");
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("argv", argv);
    spec.put("display_name", displayName);
    spec.put("language", "java");
    spec.put("interrupt_mode", "message");
    spec.put("env", env);
    spec.put("metadata", Map.of("sweeplab", Map.of("kernel", "rapaio-jupyter-kernel")));
    List<String> imports = imports(cp);
    try {
      Files.createDirectories(dir);
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(dir.resolve("kernel.json").toFile(), spec);
      Files.writeString(initScript, String.join("\n", imports) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the kernelspec in " + dir, e);
    }
    return new KernelInstall(name, dir, dir.resolve("kernel.json"), java, argv, env, imports);
  }

  /**
   * The import lines of {@code init.jshell}: the sweeplab packages the class path holds, and
   * Tablesaw's API.
   */
  static List<String> imports(KernelClasspath cp) {
    List<String> lines = new ArrayList<>();
    for (String p : PACKAGES) {
      String path = "org/sweeplab/" + p + "/";
      if (cp.sweeplab().stream().anyMatch(entry -> holds(entry, path))) {
        lines.add("import org.sweeplab." + p + ".*;");
      }
    }
    lines.add("import tech.tablesaw.api.*;");
    return lines;
  }

  private static boolean holds(Path entry, String packagePath) {
    if (Files.isDirectory(entry)) {
      return Files.isDirectory(entry.resolve(packagePath));
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      return jar.stream()
          .anyMatch(e -> e.getName().startsWith(packagePath) && e.getName().endsWith(".class"));
    } catch (IOException e) {
      return false;
    }
  }

  static Path currentJava() {
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java")
        .toAbsolutePath()
        .normalize();
  }

  static Path userKernelsDir() {
    return userKernelsDir(System.getenv(), KernelInstaller::jupyterDataDir);
  }

  /**
   * Where Jupyter looks for the user's kernels: {@code $JUPYTER_DATA_DIR/kernels}; else what {@code
   * jupyter --data-dir} says, when Jupyter is on the PATH; else the platform's folder under {@code
   * $HOME} (containers and CI set HOME, which Java's {@code user.home} does not follow), or under
   * {@code user.home} when HOME is unset.
   *
   * @param env the environment
   * @param jupyter asks Jupyter for its data folder; empty when it cannot be asked
   */
  static Path userKernelsDir(Map<String, String> env, Supplier<Optional<Path>> jupyter) {
    String dataDir = env.get("JUPYTER_DATA_DIR");
    if (dataDir != null && !dataDir.isBlank()) {
      return Path.of(dataDir, "kernels");
    }
    Optional<Path> asked = jupyter.get();
    if (asked.isPresent()) {
      return asked.get().resolve("kernels");
    }
    String homeEnv = env.get("HOME");
    Path home =
        Path.of(homeEnv != null && !homeEnv.isBlank() ? homeEnv : System.getProperty("user.home"));
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("win")) {
      String appData = env.get("APPDATA");
      return Path.of(appData != null ? appData : home.toString(), "jupyter", "kernels");
    }
    if (os.contains("mac")) {
      return home.resolve("Library").resolve("Jupyter").resolve("kernels");
    }
    return home.resolve(".local").resolve("share").resolve("jupyter").resolve("kernels");
  }

  /**
   * @return the data folder {@code jupyter --data-dir} prints, if Jupyter is on the PATH and
   *     answers in 10 s
   */
  static Optional<Path> jupyterDataDir() {
    try {
      Process p = new ProcessBuilder("jupyter", "--data-dir").redirectErrorStream(false).start();
      p.getOutputStream().close();
      CompletableFuture<String> out =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                  return "";
                }
              });
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      String line = out.get(1, TimeUnit.SECONDS).strip();
      return p.exitValue() == 0 && !line.isEmpty() && !line.contains("\n")
          ? Optional.of(Path.of(line))
          : Optional.empty();
    } catch (IOException | ExecutionException | TimeoutException | RuntimeException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * The folder that holds sweeplab's jar (or, when run from classes, the build folder above them).
   */
  private static Path codeSourceDir() {
    try {
      Path source =
          Path.of(
              KernelInstaller.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return source.getParent();
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      throw new IllegalArgumentException(
          "Cannot tell where sweeplab's jar is: give the distribution folder", e);
    }
  }
}
