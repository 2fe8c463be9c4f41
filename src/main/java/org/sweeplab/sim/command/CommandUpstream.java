package org.sweeplab.sim.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sweeplab.sim.FreshFiles;
import org.sweeplab.sim.RunContext;

/**
 * What a command sees beyond its parameters: the merged scenario ({@code config.json}, {@code
 * {config}}, {@code config} in the stdin JSON) and, in a pipeline, the outputs of the stages before
 * it ({@code upstream} in the stdin JSON, {@code {STAGE.KEY}} placeholders and {@code
 * SWEEP_UPSTREAM_STAGE_KEY} variables).
 */
final class CommandUpstream {
  /** The merged scenario's file in the run folder. */
  static final String CONFIG_FILE = "config.json";

  private CommandUpstream() {}

  /**
   * The text of {@code {STAGE.KEY}}, or null when {@code name} does not name an earlier stage (the
   * template then reports an unknown placeholder).
   *
   * @throws IllegalArgumentException when the stage ran but gave no such output
   */
  static String placeholder(RunContext ctx, String name) {
    int dot = name.indexOf('.');
    if (dot <= 0) {
      return null;
    }
    Map<String, Object> outputs = ctx.upstreamByStage().get(name.substring(0, dot));
    if (outputs == null) {
      return null;
    }
    String key = name.substring(dot + 1);
    if (!outputs.containsKey(key)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "placeholder '{%s}': stage '%s' gave no output" + " '%s'; its outputs are %s",
              name,
              name.substring(0, dot),
              key,
              outputs.keySet()));
    }
    return CommandTemplate.format(outputs.get(key));
  }

  /** Adds {@code SWEEP_UPSTREAM_<STAGE>_<KEY>} for every output of every earlier stage. */
  static void environment(RunContext ctx, Map<String, String> env) {
    ctx.upstreamByStage()
        .forEach(
            (stage, outputs) ->
                outputs.forEach(
                    (key, value) -> env.put(variable(stage, key), CommandTemplate.format(value))));
  }

  /**
   * {@code SWEEP_UPSTREAM_} and the stage and key upper-cased, other characters than A-Z, 0-9 and _
   * as _.
   */
  static String variable(String stage, String key) {
    return ("SWEEP_UPSTREAM_" + stage + "_" + key)
        .toUpperCase(Locale.ROOT)
        .replaceAll("[^A-Z0-9_]", "_");
  }

  /** Writes the merged scenario as {@code config.json} in the run folder (pretty, UTF-8). */
  static void writeConfig(RunContext ctx, Path runDir) throws IOException {
    byte[] json =
        CommandStdout.MAPPER
            .writerWithDefaultPrettyPrinter()
            .writeValueAsString(ctx.config())
            .getBytes(StandardCharsets.UTF_8);
    FreshFiles.write(runDir.resolve(CONFIG_FILE), json);
  }

  /**
   * The names a stage may use as placeholders besides the parameters: STAGE.KEY of earlier stages.
   */
  static boolean namesEarlierStage(String placeholder, List<String> earlierStages) {
    int dot = placeholder.indexOf('.');
    return dot > 0
        && dot < placeholder.length() - 1
        && earlierStages.contains(placeholder.substring(0, dot));
  }
}
