package org.sweeplab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the package graph: packages follow the flow of data, each using only those before it. The
 * engine runs {@code results → spec → space → sim → run → store → sweep}; the analysis stands
 * beside it on the results contract alone ({@code results → analysis → figures}), and the notebook
 * and command line sit on top, with the facade {@code org.sweeplab.Sweeplab} (the root package,
 * {@value #ROOT} here) beside them.
 */
class PackageGraphTest {
  /** The name of the root package {@code org.sweeplab} (the facade) in the graph. */
  static final String ROOT = "(root)";

  /** Each package with the packages it may use. */
  static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("results", Set.of()),
          Map.entry("spec", Set.of("results")),
          Map.entry("space", Set.of("results", "spec")),
          Map.entry("sim", Set.of("results", "spec", "space")),
          Map.entry("run", Set.of("results", "spec", "space", "sim")),
          Map.entry("analysis", Set.of("results")),
          Map.entry("figures", Set.of("results", "analysis")),
          Map.entry("store", Set.of("results", "spec", "space", "sim", "run", "analysis")),
          Map.entry("sweep", Set.of("results", "spec", "space", "sim", "run", "store", "analysis")),
          Map.entry("spark", Set.of("results", "spec", "space", "sim", "run", "store")),
          Map.entry(
              "race",
              Set.of("results", "spec", "space", "sim", "run", "store", "sweep", "analysis")),
          Map.entry(
              "serve",
              Set.of(
                  "results",
                  "spec",
                  "space",
                  "sim",
                  "run",
                  "store",
                  "sweep",
                  "analysis",
                  "figures")),
          Map.entry(
              "notebook",
              Set.of(
                  "results",
                  "spec",
                  "space",
                  "sim",
                  "run",
                  "store",
                  "sweep",
                  "analysis",
                  "figures",
                  "race")),
          Map.entry(
              "cli",
              Set.of(
                  "results",
                  "spec",
                  "space",
                  "sim",
                  "run",
                  "store",
                  "sweep",
                  "analysis",
                  "figures",
                  "notebook",
                  "race",
                  "serve")),
          Map.entry(
              ROOT,
              Set.of(
                  "results",
                  "spec",
                  "space",
                  "sim",
                  "run",
                  "store",
                  "sweep",
                  "analysis",
                  "figures",
                  "race",
                  "notebook")));

  private static final Pattern USE = Pattern.compile("\\borg\\.sweeplab\\.([a-z]+)\\.[A-Za-z]");

  /** A class of the root package, named in full (it can only be imported so). */
  private static final Pattern USE_ROOT = Pattern.compile("\\borg\\.sweeplab\\.[A-Z]");

  @Test
  void everyImportFollowsTheGraph() throws IOException {
    Map<String, Set<String>> used = graph();
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : used.entrySet()) {
      Set<String> allowed = ALLOWED.get(e.getKey());
      assertTrue(
          allowed != null,
          "package org.sweeplab." + e.getKey() + " is not in the graph; add it to ALLOWED");
      for (String to : e.getValue()) {
        if (!allowed.contains(to)) {
          wrong.add(e.getKey() + " -> " + to);
        }
      }
    }
    assertEquals(List.of(), wrong, "imports against the package graph");
  }

  @Test
  void theScannerSeesRealEdgesAndIgnoresStrings() throws IOException {
    Map<String, Set<String>> used = graph();
    assertTrue(
        used.get("store").containsAll(Set.of("run", "results", "analysis")), used.toString());
    assertTrue(used.get("analysis").equals(Set.of("results")), used.toString());
    assertTrue(used.get(ROOT).containsAll(Set.of("sweep", "notebook", "figures")), used.toString());
    assertTrue(USE_ROOT.matcher(code("import org.sweeplab.Sweeplab;")).find());
    assertEquals(
        "a   b", code("a /* org.sweeplab.x.Y */ \"org.sweeplab.z.W\" b// org.sweeplab.q.R"));
  }

  @Test
  void theAllowedGraphHasNoCycle() {
    for (String p : ALLOWED.keySet()) {
      assertTrue(!reaches(p, p, new TreeSet<>()), "cycle through " + p);
    }
  }

  private static boolean reaches(String from, String target, Set<String> seen) {
    for (String to : ALLOWED.get(from)) {
      if (to.equals(target) || seen.add(to) && reaches(to, target, seen)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return per package of the main sources, the other sweeplab packages its code names (strings
   *     and comments aside)
   */
  static Map<String, Set<String>> graph() throws IOException {
    Map<String, Set<String>> out = new TreeMap<>();
    for (Path root :
        List.of(Path.of("src/main/java/org/sweeplab"), Path.of("src/spark/java/org/sweeplab"))) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
          Path rel = root.relativize(f);
          String pkg = rel.getNameCount() == 1 ? ROOT : rel.getName(0).toString();
          Set<String> deps = out.computeIfAbsent(pkg, k -> new TreeSet<>());
          String code = code(Files.readString(f));
          Matcher m = USE.matcher(code);
          while (m.find()) {
            if (!m.group(1).equals(pkg)) {
              deps.add(m.group(1));
            }
          }
          if (!pkg.equals(ROOT) && USE_ROOT.matcher(code).find()) {
            deps.add(ROOT);
          }
        }
      }
    }
    return out;
  }

  /**
   * @return the source without comments, string and character literals (text blocks included)
   */
  static String code(String src) {
    StringBuilder b = new StringBuilder(src.length());
    int i = 0;
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
        while (i < n && src.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
        int end = src.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (src.startsWith("\"\"\"", i)) {
        int end = src.indexOf("\"\"\"", i + 3);
        i = end < 0 ? n : end + 3;
      } else if (c == '"' || c == '\'') {
        i++;
        while (i < n && src.charAt(i) != c) {
          i += src.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
      } else {
        b.append(c);
        i++;
      }
    }
    return b.toString();
  }
}
