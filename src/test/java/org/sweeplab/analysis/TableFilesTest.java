package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON of {@link TableFiles} is byte for byte what Jackson's generator writes with its default
 * pretty printer and the fast double writer (the reference below), on seeded tables of every cell
 * type with awkward values; the CSV written in the same pass is the one written alone.
 */
class TableFilesTest {
  @TempDir Path dir;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 25);
  }

  private static final double[] DOUBLES = {
    0.1,
    -0.0,
    0.0,
    1.0,
    100.0,
    1e7,
    1e15,
    1e20,
    1e-7,
    2.5e-300,
    Double.MIN_VALUE,
    Double.MAX_VALUE,
    Double.NaN,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    -12345.678,
    1.0 / 3
  };
  private static final String[] TEXTS = {
    "",
    "a",
    "a,b",
    "say \"hi\"",
    "back\\slash",
    "line\nbreak",
    "tab\tcr\r",
    "\u0001\u001f\u007f",
    "é ü 日本 \uD83D\uDE00",
    "\b\f",
    "plain text"
  };

  private static ResultTable table(Random r) {
    int rows = r.nextInt(30);
    int[] ints = new int[rows];
    long[] longs = new long[rows];
    double[] doubles = new double[rows];
    String[] texts = new String[rows];
    byte[] booleans = new byte[rows];
    for (int i = 0; i < rows; i++) {
      ints[i] = r.nextInt(5) == 0 ? ResultTableColumn.MISSING_INT : r.nextInt() / 1000;
      longs[i] = r.nextInt(5) == 0 ? ResultTableColumn.MISSING_LONG : r.nextLong();
      doubles[i] = r.nextBoolean() ? DOUBLES[r.nextInt(DOUBLES.length)] : r.nextGaussian() * 1e3;
      texts[i] = r.nextInt(6) == 0 ? null : TEXTS[r.nextInt(TEXTS.length)];
      booleans[i] = (byte) (r.nextInt(3) - 1);
    }
    return ResultTable.of(
        "t",
        ResultTableColumn.ofText("name \"quoted\"\t", texts),
        ResultTableColumn.ofInts("i", ints),
        ResultTableColumn.ofLongs("l", longs),
        ResultTableColumn.ofDoubles("d", doubles),
        ResultTableColumn.ofBooleans("b", booleans));
  }

  /** The reference: Jackson's generator, one object per row, null for missing and infinite. */
  private static String jackson(ResultTable t) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonFactory f = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    try (JsonGenerator g = f.createGenerator(out).useDefaultPrettyPrinter()) {
      g.writeStartArray();
      for (int i = 0; i < t.rowCount(); i++) {
        g.writeStartObject();
        for (ResultTableColumn c : t.columns()) {
          g.writeFieldName(c.name());
          if (c.isMissing(i)) {
            g.writeNull();
            continue;
          }
          switch (c.type()) {
            case INTEGER -> g.writeNumber((int) c.longValue(i));
            case LONG -> g.writeNumber(c.longValue(i));
            case DOUBLE -> {
              if (Double.isInfinite(c.number(i))) {
                g.writeNull();
              } else {
                g.writeNumber(c.number(i));
              }
            }
            case BOOLEAN -> g.writeBoolean(c.number(i) != 0);
            case STRING -> g.writeString(c.text(i));
          }
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void jsonIsWhatJacksonWrites(long seed) throws Exception {
    ResultTable t = table(new Random(seed));
    Path json = dir.resolve("t.json");
    TableFiles.write(t, null, json);
    assertEquals(jackson(t), Files.readString(json, StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void bothFilesInOnePassAreTheFilesWrittenAlone(long seed) throws Exception {
    ResultTable t = table(new Random(seed));
    TableFiles.write(t, dir.resolve("both.csv"), dir.resolve("both.json"));
    TableFiles.write(t, dir.resolve("alone.csv"), null);
    TableFiles.write(t, null, dir.resolve("alone.json"));
    assertEquals(
        Files.readString(dir.resolve("alone.csv")), Files.readString(dir.resolve("both.csv")));
    assertEquals(
        Files.readString(dir.resolve("alone.json")), Files.readString(dir.resolve("both.json")));
  }
}
