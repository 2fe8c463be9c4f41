package org.sweeplab.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sweeplab.spec.SpecException;
import org.sweeplab.spec.SpecLoader;
import org.sweeplab.spec.SweepSpec;

/**
 * {@code resume DIR --set key=value}: the settings a resume may change, because they say how runs
 * execute, not which runs exist or what they compute (budget, retries, rate limit, {@code
 * max_parallel}, timeouts, interrupt grace). Each accepted change is applied to the folder's {@code
 * sweep.yaml} when the resume starts, and recorded in {@code resume-changes.jsonl} (one line per
 * resume: when, and the overrides).
 */
public final class ResumeChanges {
  /** The log of changes made by resumes. */
  static final String FILE = "resume-changes.jsonl";

  /** The keys (and everything under them) that a resume may set. */
  static final List<String> ALLOWED =
      List.of(
          "budget",
          "execution.retries",
          "execution.rate_limit",
          "execution.max_parallel",
          "execution.timeout_per_run",
          "execution.interrupt_grace",
          "execution.backend",
          "execution.spark");

  private ResumeChanges() {}

  /**
   * The spec saved in {@code dir} with {@code overrides} applied.
   *
   * @throws SpecException (source {@code --set}) for a key that would change the plan, naming the
   *     keys allowed
   */
  public static SweepSpec apply(Path dir, List<String> overrides) {
    for (String o : overrides) {
      int eq = o.indexOf('=');
      String key = (eq < 0 ? o : o.substring(0, eq)).trim();
      if (!allowed(key)) {
        throw new SpecException(
            "--set",
            0,
            0,
            key,
            "resume cannot change '"
                + key
                + "': only settings that leave"
                + " the plan as it is may change on resume ("
                + String.join(", ", ALLOWED)
                + "); to change '"
                + key
                + "', run the changed spec into a new folder with `sweeplab run SPEC --out NEW`");
      }
    }
    return SpecLoader.load(dir.resolve(OutputFolder.SPEC), overrides);
  }

  static boolean allowed(String key) {
    for (String a : ALLOWED) {
      if (key.equals(a) || key.startsWith(a + ".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Appends one line {@code {"at": ..., "set": [...]}} to {@code resume-changes.jsonl} in {@code
   * dir}.
   */
  public static void record(Path dir, List<String> overrides) {
    if (overrides.isEmpty()) {
      return;
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("at", Instant.now().toString());
    line.put("set", overrides);
    Path file = dir.resolve(FILE);
    try {
      if (Files.isSymbolicLink(file)
          || Files.exists(file, LinkOption.NOFOLLOW_LINKS)
              && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException(file + " is not a regular file");
      }
      byte[] json =
          (new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(line) + "\n")
              .getBytes(StandardCharsets.UTF_8);
      try (OutputStream out =
          Files.newOutputStream(
              file,
              LinkOption.NOFOLLOW_LINKS,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND,
              StandardOpenOption.WRITE)) {
        out.write(json);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot record the changes in " + file + ": " + e.getMessage(), e);
    }
  }
}
