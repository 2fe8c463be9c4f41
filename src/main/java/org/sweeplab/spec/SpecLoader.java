package org.sweeplab.spec;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a {@link SweepSpec} from YAML or JSON text (JSON is read as YAML), optionally applying
 * {@code --set} overrides first. The format is described in {@code docs/spec-reference.md}.
 *
 * <p>Loading is safe: the text is composed into a node tree with SnakeYAML and converted by
 * sweeplab itself, so no object is ever constructed from a YAML tag; any tag other than the core
 * ones ({@code !!str}, {@code !!int}, {@code !!float}, {@code !!bool}, {@code !!null}, {@code
 * !!map}, {@code !!seq}) is refused.
 *
 * <p>Every problem is reported as a {@link SpecException} naming the source, the line and column,
 * and the key path, and saying what would be valid. Overrides are reported with the source {@code
 * --set}.
 */
public final class SpecLoader {
  private SpecLoader() {}

  /**
   * Reads the spec in {@code file}.
   *
   * @throws SpecException when the file cannot be read or the spec is not valid
   */
  public static SweepSpec load(Path file) {
    return load(file, List.of());
  }

  /**
   * Reads the spec in {@code file} and applies {@code overrides} ({@code key=value}, in order)
   * before converting it.
   *
   * @throws SpecException when the file cannot be read, an override is malformed or names an
   *     unknown key, or the resulting spec is not valid
   */
  public static SweepSpec load(Path file, List<String> overrides) {
    Objects.requireNonNull(file, "file");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SpecException(file.toString(), 0, 0, null, "no such file");
    } catch (CharacterCodingException e) {
      throw new SpecException(file.toString(), 0, 0, null, "the file is not UTF-8 text");
    } catch (IOException e) {
      throw new SpecException(
          file.toString(), 0, 0, null, "cannot read the file: " + e.getMessage());
    }
    Path dir = file.toAbsolutePath().getParent();
    return parse(text, file.toString(), overrides, dir);
  }

  /**
   * Reads a spec from {@code text}; {@code sourceName} (usually the file name) labels error
   * messages.
   *
   * @throws SpecException when the spec is not valid
   */
  public static SweepSpec parse(String text, String sourceName) {
    return parse(text, sourceName, List.of());
  }

  /**
   * Reads a spec from {@code text} and applies {@code overrides} ({@code key=value}, in order)
   * before converting it.
   *
   * @throws SpecException when an override is malformed or names an unknown key, or the resulting
   *     spec is not valid
   */
  public static SweepSpec parse(String text, String sourceName, List<String> overrides) {
    return parse(text, sourceName, overrides, null);
  }

  /**
   * As {@link #parse(String, String, List)}, with {@code base_file} relative to {@code specDir}
   * (null: here).
   */
  private static SweepSpec parse(
      String text, String sourceName, List<String> overrides, Path specDir) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(overrides, "overrides");
    NodeReader reader = new NodeReader(sourceName);
    Node root = reader.compose(jsonTabsToSpaces(text), null, "");
    root = Overrides.apply(reader, root, overrides);
    return new SpecReader(reader, specDir).read(root);
  }

  /**
   * JSON allows tabs between tokens, YAML does not. Valid JSON never holds a raw tab inside a
   * string, so in text that starts like a JSON object every tab can become a space (one for one, so
   * columns in messages stay right).
   */
  private static String jsonTabsToSpaces(String text) {
    String t = text.strip();
    if (t.startsWith("\uFEFF")) {
      t = t.substring(1).strip();
    }
    return t.startsWith("{") && text.indexOf('\t') >= 0 ? text.replace('\t', ' ') : text;
  }
}
