package org.sweeplab.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The results contract, named once: the files of an output folder that hold results, the columns
 * sweeplab writes itself (reserved names), their order and types, and how {@code summary.json}
 * describes each column. The store writes through it; the analysis reads through it.
 *
 * <p>{@code results.csv} holds, in this order: {@code run_id, variation_id, replicate, seed}, the
 * parameters, {@code status}, the metrics, {@code cost, duration_ms, error_type, error_message},
 * and in a raced folder {@code race_round_out}.
 */
public final class ResultsContract {
  /** The table of runs in an output folder. */
  public static final String RESULTS_FILE = "results.csv";

  /** The summary of an output folder, holding the column schema under {@code "columns"}. */
  public static final String SUMMARY_FILE = "summary.json";

  public static final String RUN_ID = "run_id";
  public static final String VARIATION_ID = "variation_id";
  public static final String REPLICATE = "replicate";
  public static final String SEED = "seed";
  public static final String STATUS = "status";

  /** The status of a successful run. */
  public static final String OK = "ok";

  public static final String COST = "cost";
  public static final String DURATION_MS = "duration_ms";
  public static final String ERROR_TYPE = "error_type";
  public static final String ERROR_MESSAGE = "error_message";

  /**
   * The round in which a variation left a race ({@code execution.racing}); empty for the survivors.
   * Only a raced folder has it, as its last column.
   */
  public static final String RACE_ROUND_OUT = "race_round_out";

  /** The columns that identify a run, in table order. */
  public static final List<ResultColumn> LEADING =
      List.of(
          new ResultColumn(RUN_ID, ColumnType.STRING, ColumnRole.ID),
          new ResultColumn(VARIATION_ID, ColumnType.STRING, ColumnRole.ID),
          new ResultColumn(REPLICATE, ColumnType.INTEGER, ColumnRole.ID),
          new ResultColumn(SEED, ColumnType.LONG, ColumnRole.ID));

  /** The status column, between the parameters and the metrics. */
  public static final ResultColumn STATUS_COLUMN =
      new ResultColumn(STATUS, ColumnType.STRING, ColumnRole.STATUS);

  /** The columns after the metrics, in table order. */
  public static final List<ResultColumn> TRAILING =
      List.of(
          new ResultColumn(COST, ColumnType.DOUBLE, ColumnRole.COST),
          new ResultColumn(DURATION_MS, ColumnType.DOUBLE, ColumnRole.TIMING),
          new ResultColumn(ERROR_TYPE, ColumnType.STRING, ColumnRole.ERROR),
          new ResultColumn(ERROR_MESSAGE, ColumnType.STRING, ColumnRole.ERROR));

  /**
   * The column a raced folder adds after {@link #TRAILING}: the round each variation left the race.
   */
  public static final ResultColumn RACE_COLUMN =
      new ResultColumn(RACE_ROUND_OUT, ColumnType.INTEGER, ColumnRole.RACE);

  /** Every column name sweeplab writes itself; no parameter or metric may take one. */
  public static final List<String> RESERVED_NAMES =
      List.of(
          RUN_ID,
          VARIATION_ID,
          REPLICATE,
          SEED,
          STATUS,
          COST,
          DURATION_MS,
          ERROR_TYPE,
          ERROR_MESSAGE,
          RACE_ROUND_OUT);

  private static final Set<String> RESERVED = Set.copyOf(RESERVED_NAMES);
  private static final JsonFactory JSON = new JsonFactory();

  private ResultsContract() {}

  /**
   * @return whether sweeplab writes a column of this name itself
   */
  public static boolean isReserved(String name) {
    return RESERVED.contains(name);
  }

  /**
   * The schema of a results table in the contract's order.
   *
   * @param parameters each parameter column with its type, in plan order
   * @param metrics each metric column with its type, in order of first appearance
   * @return every column of the table
   */
  public static List<ResultColumn> schema(
      List<Map.Entry<String, ColumnType>> parameters, List<Map.Entry<String, ColumnType>> metrics) {
    List<ResultColumn> out = new ArrayList<>(LEADING);
    for (Map.Entry<String, ColumnType> p : parameters) {
      out.add(new ResultColumn(p.getKey(), p.getValue(), ColumnRole.PARAMETER));
    }
    out.add(STATUS_COLUMN);
    for (Map.Entry<String, ColumnType> m : metrics) {
      out.add(new ResultColumn(m.getKey(), m.getValue(), ColumnRole.METRIC));
    }
    out.addAll(TRAILING);
    return out;
  }

  /**
   * Reads the column schema that a {@code summary.json} records.
   *
   * @param summaryFile the summary file
   * @return the columns in table order; null when the file is absent, unreadable or holds no valid
   *     schema
   */
  public static List<ResultColumn> readSchema(Path summaryFile) {
    if (summaryFile == null || !Files.isRegularFile(summaryFile)) {
      return null;
    }
    try (JsonParser p = JSON.createParser(summaryFile.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.getCurrentName();
        JsonToken t = p.nextToken();
        if ("columns".equals(field) && t == JsonToken.START_ARRAY) {
          return columns(p);
        }
        p.skipChildren();
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static List<ResultColumn> columns(JsonParser p) throws IOException {
    List<ResultColumn> out = new ArrayList<>();
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String name = null;
      String type = null;
      String role = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.getCurrentName();
        p.nextToken();
        switch (f) {
          case "name" -> name = p.getValueAsString();
          case "type" -> type = p.getValueAsString();
          case "role" -> role = p.getValueAsString();
          default -> p.skipChildren();
        }
      }
      if (name == null || type == null || role == null) {
        return null;
      }
      out.add(new ResultColumn(name, ColumnType.fromLabel(type), ColumnRole.fromLabel(role)));
    }
    return out;
  }

  /**
   * The schema recorded in a folder's summary when it matches the header of its results file.
   *
   * @param header the column names of the results file
   * @param summaryFile the summary file beside it
   * @return the recorded schema, or null when there is none or it names other columns
   */
  public static List<ResultColumn> schemaFor(List<String> header, Path summaryFile) {
    List<ResultColumn> schema = readSchema(summaryFile);
    if (schema == null || schema.size() != header.size()) {
      return null;
    }
    for (int i = 0; i < header.size(); i++) {
      if (!schema.get(i).name().equals(header.get(i))) {
        return null;
      }
    }
    return schema;
  }
}
