package org.sweeplab.spec;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code base_file}: a YAML or JSON file holding the base scenario, relative to the spec's
 * folder. The path is sanitised: it must be relative, must stay inside the spec's folder (no {@code
 * ..} out of it, no link leading out), and the file must be a regular file of at most 3 MiB. It is
 * read as safely as the spec itself (no tags, no objects); errors inside it name the base file and
 * its line.
 */
final class BaseFile {
  private BaseFile() {}

  static Map<String, Object> read(NodeReader r, Node node, Path specDir) {
    String text = r.string(node, "base_file");
    Path dir = (specDir != null ? specDir : Path.of("")).toAbsolutePath().normalize();
    Path file;
    try {
      Path rel = Path.of(text);
      if (rel.isAbsolute() || text.isBlank()) {
        throw r.fail(
            node,
            "base_file",
            "'"
                + text
                + "' must be a path relative to the spec's folder, e.g."
                + " base_file: scenario.yaml");
      }
      file = dir.resolve(rel).normalize();
    } catch (InvalidPathException e) {
      throw r.fail(node, "base_file", "'" + text + "' is not a valid path: " + e.getReason());
    }
    if (!file.startsWith(dir)) {
      throw r.fail(
          node,
          "base_file",
          "'"
              + text
              + "' leads out of the spec's folder "
              + dir
              + "; keep the base"
              + " scenario next to the spec or below it");
    }
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        boolean link = Files.isSymbolicLink(file);
        if (!link || !file.toRealPath().startsWith(dir.toRealPath())) {
          throw r.fail(
              node,
              "base_file",
              link
                  ? "'" + text + "' is a link leading out of the spec's folder"
                  : "no such file: " + file);
        }
      }
      if (Files.size(file) > NodeReader.MAX_SPEC_CHARS) {
        throw r.fail(
            node,
            "base_file",
            "'" + text + "' is larger than 3 MiB; a base scenario is a small settings" + " file");
      }
      String content = Files.readString(file, StandardCharsets.UTF_8);
      NodeReader own = new NodeReader(file.toString());
      Node root = own.compose(content, null, "");
      if (root == null) {
        return Map.of();
      }
      MappingNode m = own.mapping(root, "", "a map (the base scenario)");
      @SuppressWarnings("unchecked")
      Map<String, Object> plain = (Map<String, Object>) own.plain(m, "");
      return plain;
    } catch (CharacterCodingException e) {
      throw r.fail(node, "base_file", "'" + text + "' is not UTF-8 text");
    } catch (IOException e) {
      throw r.fail(node, "base_file", "cannot read '" + text + "': " + e.getMessage());
    }
  }
}
