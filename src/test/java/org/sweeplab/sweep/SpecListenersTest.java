package org.sweeplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.run.Progress;
import org.sweeplab.run.RunRecord;
import org.sweeplab.run.SweepListener;
import org.sweeplab.sim.Metrics;
import org.sweeplab.spec.SpecException;
import org.sweeplab.spec.SpecLoader;
import org.sweeplab.spec.SweepSpec;

/**
 * Issue 12, item 5: monitors named in the spec, or registered for ServiceLoader, hear every run.
 */
class SpecListenersTest {
  @TempDir Path tmp;

  /** The events every instance heard, in order. */
  static final List<String> HEARD = new CopyOnWriteArrayList<>();

  /** A monitor as a user would write it: public, no-argument constructor. */
  public static final class Monitor implements SweepListener {
    @Override
    public void sweepStarted(String sweepName, long total) {
      HEARD.add("started " + sweepName + " " + total);
    }

    @Override
    public void runFinished(RunRecord record, Progress progress) {
      HEARD.add("finished " + record.run().runId() + " " + record.status().label());
    }

    @Override
    public void sweepFinished(Progress progress) {
      HEARD.add("done " + progress.ok());
    }
  }

  @Test
  void aListenerNamedInTheSpecHearsEveryRun() {
    HEARD.clear();
    SweepSpec spec =
        SpecLoader.parse(
            "name: mon\nsimulation: m\nparameters: {x: [1, 2]}\nexecution: {max_parallel:"
                + " 1}\nlisteners:\n  - {class: "
                + Monitor.class.getName()
                + "}\n",
            "mon.yaml");
    assertEquals(List.of(Monitor.class.getName()), spec.listeners());
    Sweep.of(spec).simulation(ctx -> Metrics.of("y", 1)).output(tmp.resolve("m")).run();
    assertEquals(
        List.of(
            "started mon 2",
            "finished var-0001-run-001 ok",
            "finished var-0002-run-001 ok",
            "done 2"),
        HEARD);
  }

  @Test
  void aMissingOrWrongClassIsRefusedBeforeAnythingRuns() {
    SweepSpec missing =
        SpecLoader.parse(
            "name: mon\nsimulation: bench\nparameters: {x: [1]}\n"
                + "listeners: [{class: com.example.Nope}]\n",
            "mon.yaml");
    SpecException e =
        assertThrows(SpecException.class, () -> Sweep.of(missing).output(tmp.resolve("a")).run());
    assertEquals("listeners[0].class", e.keyPath());
    assertTrue(
        e.getMessage().contains("'com.example.Nope' is not on the classpath"), e.getMessage());
    SweepSpec wrong = missing.withListeners(List.of(String.class.getName()));
    SpecException w =
        assertThrows(SpecException.class, () -> Sweep.of(wrong).output(tmp.resolve("b")).run());
    assertTrue(
        w.getMessage().contains("does not implement org.sweeplab.run.SweepListener"),
        w.getMessage());
    assertTrue(Files.notExists(tmp.resolve("a")) && Files.notExists(tmp.resolve("b")));
  }

  @Test
  void aListenerRegisteredForServiceLoaderHearsEveryRun() throws IOException {
    HEARD.clear();
    Path services = Files.createDirectories(tmp.resolve("cp/META-INF/services"));
    Files.writeString(
        services.resolve(SweepListener.class.getName()), Monitor.class.getName() + "\n");
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {tmp.resolve("cp").toUri().toURL()}, getClass().getClassLoader())) {
      Thread.currentThread().setContextClassLoader(loader);
      SweepSpec spec = SweepSpec.builder("svc").simulation("m").values("x", 1L).build();
      Sweep.of(spec).simulation(ctx -> Metrics.of("y", 1)).output(tmp.resolve("s")).run();
    } finally {
      Thread.currentThread().setContextClassLoader(before);
    }
    assertEquals(List.of("started svc 1", "finished var-0001-run-001 ok", "done 1"), HEARD);
  }
}
