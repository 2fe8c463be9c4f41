package org.sweeplab.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.sweeplab.run.SweepListener;
import org.sweeplab.spec.SpecException;
import org.sweeplab.spec.SweepSpec;

/**
 * The listeners a sweep gets without a Java main: the classes its spec names ({@code listeners:
 * [{class: ...}]}), each a public {@link SweepListener} with a public no-argument constructor, and
 * every {@link SweepListener} registered for {@link ServiceLoader} (a {@code
 * META-INF/services/org.sweeplab.run.SweepListener} file in a jar on the classpath). They hear the
 * same events as a listener given in Java.
 */
final class SpecListeners {
  private SpecListeners() {}

  /**
   * One instance of each listener of the spec, then the ServiceLoader ones.
   *
   * @throws SpecException naming {@code listeners[i].class} when a class is missing or not a usable
   *     listener
   */
  static List<SweepListener> instantiate(SweepSpec spec) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    List<SweepListener> out = new ArrayList<>();
    for (int i = 0; i < spec.listeners().size(); i++) {
      String name = spec.listeners().get(i);
      String path = "listeners[" + i + "].class";
      Class<?> cls;
      try {
        cls = Class.forName(name, true, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new SpecException(
            null,
            0,
            0,
            path,
            "listener class '"
                + name
                + "' is not on the classpath; start"
                + " sweeplab with its jar on the classpath, or fix the name");
      }
      if (!SweepListener.class.isAssignableFrom(cls)) {
        throw new SpecException(
            null,
            0,
            0,
            path,
            "class '" + name + "' does not implement " + SweepListener.class.getName());
      }
      try {
        out.add((SweepListener) cls.getDeclaredConstructor().newInstance());
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new SpecException(
            null,
            0,
            0,
            path,
            "listener class '"
                + name
                + "' needs a public no-argument"
                + " constructor that works: "
                + e);
      }
    }
    for (SweepListener l : ServiceLoader.load(SweepListener.class, loader)) {
      out.add(l);
    }
    return out;
  }

  /** {@code given} (may be null) followed by the spec's listeners. */
  static SweepListener attach(SweepListener given, SweepSpec spec) {
    List<SweepListener> all = new ArrayList<>();
    if (given != null) {
      all.add(given);
    }
    all.addAll(instantiate(spec));
    return all.isEmpty()
        ? null
        : all.size() == 1 ? all.get(0) : SweepListener.all(all.toArray(new SweepListener[0]));
  }
}
