package org.sweeplab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelInstallerTest {

  /**
   * The kernel class path of this test JVM: fix classes, target/classes, dependency jars, kernel
   * jar.
   */
  static KernelClasspath testClasspath() {
    List<Path> entries =
        java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(Path::of)
            .toList();
    Path kernel =
        entries.stream()
            .filter(p -> p.getFileName().toString().startsWith("rapaio-jupyter-kernel"))
            .findFirst()
            .orElseThrow();
    Path classes =
        entries.stream()
            .filter(p -> p.endsWith(Path.of("target", "classes")))
            .findFirst()
            .orElseThrow();
    List<Path> libs =
        entries.stream()
            .filter(p -> p.toString().endsWith(".jar") && !p.equals(kernel))
            .filter(
                p ->
                    !p.getFileName()
                        .toString()
                        .matches("(junit|opentest4j|apiguardian|surefire).*"))
            .toList();
    return new KernelClasspath(
        classes.resolveSibling("kernel-fix-classes"), kernel, List.of(classes), libs);
  }

  @Test
  void kernelspecStartsThisJdkWithSweeplabOnTheClasspath(@TempDir Path dir) throws IOException {
    KernelInstall r =
        KernelInstaller.withDefaults()
            .withClasspath(testClasspath())
            .withKernelsDir(dir.resolve("kernels"))
            .install();
    JsonNode spec = new ObjectMapper().readTree(r.kernelJson().toFile());
    assertEquals("Java (sweeplab)", spec.get("display_name").asText());
    assertEquals(dir.resolve("kernels/sweeplab-java/kernel.json"), r.kernelJson());
    String java = spec.get("argv").get(0).asText();
    assertTrue(Path.of(java).isAbsolute() && Files.isExecutable(Path.of(java)), java);
    assertEquals(
        Path.of(System.getProperty("java.home"), "bin", "java").normalize().toString(), java);
    String cp = spec.get("argv").get(3).asText();
    String[] parts = cp.split(File.pathSeparator);
    assertTrue(parts[0].endsWith("kernel-fix-classes"), "the fix comes first: " + cp);
    assertTrue(
        parts[parts.length - 1].contains("rapaio-jupyter-kernel"), "the kernel comes last: " + cp);
    assertEquals("{connection_file}", spec.get("argv").get(5).asText());
    JsonNode env = spec.get("env");
    assertTrue(
        env.get("RJK_CLASSPATH").asText().startsWith(testClasspath().sweeplab().get(0) + ";"));
    Path init = Path.of(env.get("RJK_INIT_SCRIPT").asText());
    assertTrue(init.isAbsolute());
    String imports = Files.readString(init);
    assertTrue(imports.contains("import org.sweeplab.figures.*;"), imports);
    assertTrue(imports.contains("import org.sweeplab.notebook.*;"), imports);
    assertTrue(imports.contains("import tech.tablesaw.api.*;"), imports);
    assertTrue(!imports.contains("org.sweeplab.cli"), imports);
  }

  @Test
  void globsBecomeJvmWildcards(@TempDir Path dir) {
    KernelClasspath cp =
        new KernelClasspath(
            dir.resolve("fix.jar"),
            dir.resolve("k.jar"),
            List.of(dir.resolve("s.jar")),
            List.of(dir.resolve("lib/*.jar")));
    assertEquals(
        String.join(
            File.pathSeparator,
            dir.resolve("fix.jar").toString(),
            dir.resolve("s.jar").toString(),
            dir.resolve("lib/*").toString(),
            dir.resolve("k.jar").toString()),
        cp.jvmClasspath());
    assertEquals(dir.resolve("s.jar") + ";" + dir.resolve("lib/*.jar"), cp.shellClasspath());
  }

  @Test
  void missingDistributionPartsAreNamed(@TempDir Path dir) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                KernelInstaller.withDefaults().withDistribution(dir).withKernelsDir(dir).install());
    assertTrue(
        e.getMessage().contains("*-kernel-fix.jar") && e.getMessage().contains("./mvnw package"),
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> KernelInstaller.withDefaults().withName("a b", "x"));
  }

  @Test
  void prefixInstallsUnderShareJupyterKernels(@TempDir Path dir) {
    KernelInstall r =
        KernelInstaller.withDefaults().withClasspath(testClasspath()).withPrefix(dir).install();
    assertEquals(dir.resolve("share/jupyter/kernels/sweeplab-java"), r.directory());
  }

  /**
   * The fixed LoopThread runs its body on every start, and survives an Error thrown by the body.
   */
  @Test
  void fixedLoopThreadAlwaysRunsAndSurvivesErrors() throws Exception {
    Path fix = testClasspath().kernelFix();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {fix.toUri().toURL()}, null)) {
      Class<?> loop = loader.loadClass("org.rapaio.jupyter.kernel.channels.LoopThread");
      assertEquals(loader, loop.getClassLoader(), "the fix, not the kernel's class");
      Method shutdown = loop.getMethod("shutdown");
      for (int i = 0; i < 200; i++) {
        CountDownLatch ran = new CountDownLatch(2);
        int[] calls = {0};
        Runnable body =
            () -> {
              ran.countDown();
              if (calls[0]++ == 0) {
                throw new AssertionError("thrown by a magic");
              }
            };
        Thread t =
            (Thread)
                loop.getConstructor(String.class, long.class, Runnable.class)
                    .newInstance("loop-" + i, 0L, body);
        t.start();
        assertTrue(ran.await(5, TimeUnit.SECONDS), "start " + i + ": loop body did not run twice");
        shutdown.invoke(t);
        t.join(5000);
      }
    }
  }

  /**
   * Issue "Where users look", item 6: JUPYTER_DATA_DIR, then what Jupyter says, then $HOME (not
   * user.home).
   */
  @Test
  void userKernelsFolderFollowsJupyterDataDirThenJupyterThenHome(@TempDir Path dir) {
    Path fromEnv = dir.resolve("env");
    Path fromJupyter = dir.resolve("asked");
    Path home = dir.resolve("home");
    assertEquals(
        fromEnv.resolve("kernels"),
        KernelInstaller.userKernelsDir(
            java.util.Map.of("JUPYTER_DATA_DIR", fromEnv.toString(), "HOME", home.toString()),
            () -> java.util.Optional.of(fromJupyter)));
    assertEquals(
        fromJupyter.resolve("kernels"),
        KernelInstaller.userKernelsDir(
            java.util.Map.of("HOME", home.toString()), () -> java.util.Optional.of(fromJupyter)));
    assertEquals(
        home.resolve(".local/share/jupyter/kernels"),
        KernelInstaller.userKernelsDir(
            java.util.Map.of("HOME", home.toString()), java.util.Optional::empty));
  }
}
