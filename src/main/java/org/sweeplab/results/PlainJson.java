package org.sweeplab.results;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * JSON text of plain trees (maps with text keys, lists, text, booleans, numbers, null), as a sweep
 * folder's files, the spec's hash and the analysis report's JSON files hold them: byte for byte
 * what jackson-databind's {@code ObjectMapper} writes, compact or with its default indentation, but
 * written by jackson-core's streaming generator. The mapper loads some 480 classes, a tenth of a
 * second of every command that writes {@code summary.json}, hashes a spec or writes a report; the
 * trees need none of them. Values of other types (a YAML timestamp in a spec's metadata, say) and
 * maps with keys that are not text are handed to the mapper, made on first use. Doubles are written
 * as Jackson writes them: NaN and the infinities as strings.
 */
public final class PlainJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private PlainJson() {}

  /** The tree as compact JSON, as {@code new ObjectMapper().writeValueAsString(tree)}. */
  public static String compact(Object tree) {
    return write(tree, false);
  }

  /**
   * The tree as indented JSON, as an {@code ObjectMapper} with {@code INDENT_OUTPUT} writes it (no
   * newline at the end).
   */
  public static String indented(Object tree) {
    return write(tree, true);
  }

  /**
   * The tree as indented JSON in UTF-8, as {@code writeValueAsBytes} of an {@code ObjectMapper}
   * with {@code INDENT_OUTPUT} writes it (no newline at the end).
   */
  public static byte[] indentedBytes(Object tree) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    emit(tree, true, () -> FACTORY.createGenerator(out, JsonEncoding.UTF8));
    return out.toByteArray();
  }

  private static String write(Object tree, boolean indented) {
    StringWriter out = new StringWriter();
    emit(tree, indented, () -> FACTORY.createGenerator(out));
    return out.toString();
  }

  /** Opens a generator on the caller's sink. */
  private interface Opener {
    JsonGenerator open() throws IOException;
  }

  private static void emit(Object tree, boolean indented, Opener opener) {
    try (JsonGenerator g = opener.open()) {
      if (indented) {
        g.useDefaultPrettyPrinter();
      }
      write(g, tree);
    } catch (IOException e) {
      // Memory sinks do not fail; a value handed to the mapper may.
      throw new UncheckedIOException(
          "cannot write JSON of a " + (tree == null ? "null" : tree.getClass().getSimpleName()), e);
    }
  }

  /**
   * Writes the tree with a generator the caller made (its features and pretty printer apply), as
   * {@code ObjectMapper.writeValue} would with that generator.
   *
   * @throws IOException if the generator cannot write
   */
  public static void write(JsonGenerator g, Object tree) throws IOException {
    value(g, tree);
  }

  private static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Map<?, ?> m && textKeys(m)) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName((String) e.getKey());
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object x : list) {
        value(g, x);
      }
      g.writeEndArray();
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (v instanceof BigInteger b) {
      g.writeNumber(b);
    } else {
      Databind.MAPPER.writeValue(g, v);
    }
  }

  private static boolean textKeys(Map<?, ?> m) {
    for (Object k : m.keySet()) {
      if (!(k instanceof String)) {
        return false;
      }
    }
    return true;
  }

  /** The mapper for values of other types, made on first use. */
  private static final class Databind {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}
