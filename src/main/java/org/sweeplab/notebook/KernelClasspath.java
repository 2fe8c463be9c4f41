package org.sweeplab.notebook;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The class path of the sweeplab Jupyter kernel, in two forms: the JVM class path of the kernel
 * process and the class path of the notebook's Java shell ({@code RJK_CLASSPATH}).
 *
 * <p>An entry whose file name is {@code *.jar} stands for every jar of its folder: the JVM form
 * writes it as {@code dir/*}, the shell form keeps {@code dir/*.jar}, which the kernel expands.
 *
 * @param kernelFix the start-up fix (the {@code *-kernel-fix.jar} of a build, or its classes
 *     folder); it comes first on the JVM class path so that it shadows the kernel's own {@code
 *     LoopThread}
 * @param kernel the rapaio-jupyter-kernel jar
 * @param sweeplab sweeplab's own jar or classes folder(s)
 * @param libraries sweeplab's dependencies: jars, folders, or {@code dir/*.jar} globs
 */
public record KernelClasspath(
    Path kernelFix, Path kernel, List<Path> sweeplab, List<Path> libraries) {

  private static final String GLOB = "*.jar";

  public KernelClasspath {
    kernelFix = absolute(kernelFix, "kernel fix");
    kernel = absolute(kernel, "kernel jar");
    sweeplab = sweeplab.stream().map(p -> absolute(p, "sweeplab entry")).toList();
    libraries = libraries.stream().map(p -> absolute(p, "library entry")).toList();
    if (sweeplab.isEmpty()) {
      throw new IllegalArgumentException(
          "The kernel class path needs at least one sweeplab jar or classes folder");
    }
  }

  /**
   * The class path of a built distribution folder, as {@code ./mvnw package} lays out {@code
   * target/}: {@code sweeplab-*.jar}, {@code lib/*.jar}, {@code kernel/rapaio-jupyter-kernel-*.jar}
   * and {@code kernel/*-kernel-fix.jar}.
   *
   * @throws IllegalArgumentException if a part is missing, naming the file looked for
   */
  public static KernelClasspath ofDistribution(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    Path kernelDir = root.resolve("kernel");
    Path fix = single(kernelDir, n -> n.endsWith("-kernel-fix.jar"), "*-kernel-fix.jar");
    Path kernel =
        single(
            kernelDir,
            n -> n.startsWith("rapaio-jupyter-kernel-") && n.endsWith(".jar"),
            "rapaio-jupyter-kernel-*.jar");
    Path jar =
        single(
            root,
            n ->
                n.startsWith("sweeplab")
                    && n.endsWith(".jar")
                    && !n.endsWith("-sources.jar")
                    && !n.endsWith("-javadoc.jar")
                    && !n.endsWith("-kernel-fix.jar"),
            "sweeplab-*.jar");
    Path lib = root.resolve("lib");
    if (!Files.isDirectory(lib)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "No lib folder in %s: build the distribution with ./mvnw package first",
              root));
    }
    return new KernelClasspath(fix, kernel, List.of(jar), List.of(lib.resolve(GLOB)));
  }

  /** The JVM class path of the kernel process: fix, sweeplab, libraries, kernel. */
  public String jvmClasspath() {
    List<String> parts = new ArrayList<>();
    parts.add(kernelFix.toString());
    sweeplab.forEach(p -> parts.add(p.toString()));
    for (Path p : libraries) {
      parts.add(isGlob(p) ? p.getParent().resolve("*").toString() : p.toString());
    }
    parts.add(kernel.toString());
    return String.join(File.pathSeparator, parts);
  }

  /**
   * The notebook shell's class path, as {@code RJK_CLASSPATH} wants it: entries separated by {@code
   * ;}.
   */
  public String shellClasspath() {
    return Stream.concat(sweeplab.stream(), libraries.stream())
        .map(Path::toString)
        .collect(Collectors.joining(";"));
  }

  private static boolean isGlob(Path p) {
    return p.getFileName() != null && p.getFileName().toString().equals(GLOB);
  }

  private static Path absolute(Path p, String what) {
    if (p == null) {
      throw new IllegalArgumentException("The kernel class path has no " + what);
    }
    return p.toAbsolutePath().normalize();
  }

  private static Path single(Path dir, java.util.function.Predicate<String> name, String pattern) {
    List<Path> found;
    try (Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
      found = files.filter(f -> name.test(f.getFileName().toString())).sorted().toList();
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot list " + dir + ": " + e.getMessage(), e);
    }
    if (found.size() != 1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Expected one %s in %s, found %d %s: build the distribution with ./mvnw package first",
              pattern,
              dir,
              found.size(),
              found));
    }
    return found.get(0);
  }
}
