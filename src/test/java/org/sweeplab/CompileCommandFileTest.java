package org.sweeplab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The HotSpot compile commands the launcher passes to the engine's commands ({@code
 * src/main/resources/jvm/compile-commands.txt}): HotSpot ignores a method that does not exist, so a
 * renamed method would silently lose its command; and a line HotSpot cannot parse is reported on
 * stdout, where some commands write JSON.
 */
class CompileCommandFileTest {
  private static final String RESOURCE = "/jvm/compile-commands.txt";

  private static List<String> commands() throws IOException {
    try (InputStream in = CompileCommandFileTest.class.getResourceAsStream(RESOURCE)) {
      assertTrue(in != null, RESOURCE + " is on the class path");
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.strip());
        }
      }
      return out;
    }
  }

  @Test
  void theFileIsQuietAndNamesOnlyMethodsThatExist() throws Exception {
    List<String> commands = commands();
    assertEquals("quiet", commands.get(0), "first: nothing printed on stdout");
    assertTrue(commands.size() > 1);
    for (String c : commands.subList(1, commands.size())) {
      String[] parts = c.split("[ :]+");
      assertEquals(3, parts.length, c);
      assertEquals("dontinline", parts[0], c);
      Class<?> type = Class.forName(parts[1], false, getClass().getClassLoader());
      assertTrue(
          Arrays.stream(type.getDeclaredMethods()).map(Method::getName).anyMatch(parts[2]::equals),
          c + ": no such method");
    }
  }

  @Test
  void theLauncherPassesItAndJavaTakesItSilently() throws Exception {
    Path file = Path.of("src/main/resources" + RESOURCE);
    assertTrue(
        Files.readString(Path.of("sweeplab")).contains("-XX:CompileCommandFile=$here/" + file),
        "the launcher names " + file);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(java.toString(), "-XX:CompileCommandFile=" + file, "-version")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertFalse(out.contains("CompileCommand"), out);
  }
}
