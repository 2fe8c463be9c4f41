package org.sweeplab.spark;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 for the integration tests: a master and workers, each a
 * separate JVM started from the Maven jars, the way {@code sbin/start-master.sh} and {@code
 * sbin/start-worker.sh} start them. {@code SPARK_HOME} is a folder whose {@code jars/} links the
 * Spark jars of the test classpath (a worker builds its executors' classpath from it). Ports are
 * chosen by the processes ({@code --port 0}) and read from their logs, so nothing collides. {@link
 * #close()} ends every process it started, their children (executors) first.
 */
final class StandaloneCluster implements AutoCloseable {
  /** JVM options for short-lived test JVMs on a small machine: quick start-up over peak speed. */
  static final List<String> QUICK_JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  /** The module openings Spark needs on Java 17, as the spark profile gives the test JVM. */
  static final List<String> OPENS =
      List.of(
          "-XX:+IgnoreUnrecognizedVMOptions",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED");

  /** How long a master or worker may take to come up on a slow, loaded machine. */
  private static final Duration START_BOUND = Duration.ofSeconds(150);

  private static final Pattern MASTER_URL =
      Pattern.compile("Starting Spark master at (spark://[0-9.]+:[0-9]+)");

  /** Whether a worker can launch executors. */
  enum WorkerKind {
    /** SPARK_HOME points at the jars: executors start. */
    WORKING,
    /** No SPARK_HOME: every executor launch fails ("Cannot find any build directories"). */
    NO_SPARK_HOME
  }

  private final Path dir;
  private final Path sparkHome;
  private final List<Process> processes = new ArrayList<>();
  private final List<Process> workers = new ArrayList<>();
  private String masterUrl;

  private StandaloneCluster(Path dir, Path sparkHome) {
    this.dir = dir;
    this.sparkHome = sparkHome;
  }

  /**
   * Starts a master in {@code dir} (logs, worker folders) with the Spark jars of this JVM's
   * classpath.
   */
  static StandaloneCluster startMaster(Path dir) throws IOException, InterruptedException {
    Path home = sparkHome(dir.resolve("spark-home"));
    StandaloneCluster c = new StandaloneCluster(dir, home);
    try {
      Path log = dir.resolve("master.log");
      c.processes.add(
          c.start(
              log,
              Map.of(),
              "org.apache.spark.deploy.master.Master",
              "--host",
              "127.0.0.1",
              "--port",
              "0",
              "--webui-port",
              "0"));
      c.masterUrl = c.await(log, MASTER_URL).group(1);
      return c;
    } catch (IOException | InterruptedException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** Starts a worker with {@code cores} cores and waits until the master has it. */
  void startWorker(WorkerKind kind, int cores) throws IOException, InterruptedException {
    int n = workers.size() + 1;
    Path log = dir.resolve("worker-" + n + ".log");
    Map<String, String> env =
        kind == WorkerKind.WORKING
            ? Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13")
            : Map.of();
    Process p =
        start(
            log,
            env,
            "org.apache.spark.deploy.worker.Worker",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--webui-port",
            "0",
            "--cores",
            String.valueOf(cores),
            "--memory",
            "1g",
            "--work-dir",
            Files.createDirectories(dir.resolve("worker-" + n)).toString(),
            masterUrl);
    processes.add(p);
    workers.add(p);
    await(log, Pattern.compile("Successfully registered with master"));
  }

  /**
   * Ends the workers started so far (and their executors); the master notices the lost connection.
   */
  void stopWorkers() {
    for (Process p : workers) {
      kill(p);
      processes.remove(p);
    }
    workers.clear();
  }

  String masterUrl() {
    return masterUrl;
  }

  /** {@code SPARK_HOME}, whose {@code jars/} holds the Spark jars of the cluster JVMs. */
  Path sparkHome() {
    return sparkHome;
  }

  /** The classpath of Spark's own jars (for a driver started without spark-submit). */
  String sparkClasspath() {
    return sparkHome.resolve("jars") + File.separator + "*";
  }

  private Process start(Path log, Map<String, String> env, String main, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(OPENS);
    cmd.addAll(QUICK_JVM);
    cmd.addAll(List.of("-Xmx256m", "-cp", sparkClasspath(), main));
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove("SPARK_HOME");
    pb.environment().remove("SPARK_SCALA_VERSION");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1"); // RPC and web UIs on loopback only
    pb.environment().put("SPARK_NO_DAEMONIZE", "1");
    pb.environment().putAll(env);
    return pb.start();
  }

  /** The first match of {@code p} in the log, waiting while the processes live. */
  private Matcher await(Path log, Pattern p) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_BOUND.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log)) {
        Matcher m = p.matcher(Files.readString(log, StandardCharsets.UTF_8));
        if (m.find()) {
          return m;
        }
      }
      for (Process proc : processes) {
        if (!proc.isAlive()) {
          throw new IllegalStateException(
              "a cluster process ended (exit " + proc.exitValue() + "); see " + log);
        }
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "no '" + p + "' in " + log + " within " + START_BOUND.toSeconds() + " s");
  }

  /** Ends a process and everything it started (a worker's executors), at once. */
  static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    p.descendants().forEach(ProcessHandle::destroyForcibly);
  }

  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      kill(processes.get(i));
    }
    processes.clear();
    workers.clear();
  }

  /**
   * A SPARK_HOME made of links to the jars of this JVM's classpath that a Spark distribution would
   * hold: all but the test framework, the CLI's logging binding (Spark brings log4j) and sweeplab's
   * own classes, which reach the executors through {@code spark.jars} as on a real cluster.
   */
  private static Path sparkHome(Path home) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    try (Stream<Path> old = Files.list(jars)) {
      for (Path p : (Iterable<Path>) old::iterator) {
        Files.delete(p);
      }
    }
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      String name = p.getFileName() == null ? "" : p.getFileName().toString();
      if (!name.endsWith(".jar")
          || !Files.isRegularFile(p)
          || name.startsWith("sweeplab-")
          || Stream.of("junit-", "opentest4j", "apiguardian", "surefire", "slf4j-simple", "rapaio-")
              .anyMatch(name::startsWith)) {
        continue;
      }
      Path link = jars.resolve(name);
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, p.toAbsolutePath());
      }
    }
    try (Stream<Path> linked = Files.list(jars)) {
      if (linked.noneMatch(j -> j.getFileName().toString().startsWith("spark-core_2.13-"))) {
        throw new IllegalStateException(
            "no spark-core jar on the test classpath: " + System.getProperty("java.class.path"));
      }
    }
    return home;
  }
}
