package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/**
 * The typed parts of {@link Patterns.Result}: each {@code toTable()} has the documented columns
 * (those of patterns.json), one row per typed row, holding the typed values.
 */
class PatternsResultTablesTest {
  private static final Patterns.Result P =
      Patterns.withDefaults().detect(Runs.of(PlantedSweep.generate(20261122L)), "score");

  static Stream<Arguments> parts() {
    return Stream.of(
        Arguments.of(
            "failure modes",
            P.failureModes(),
            P.failureModes().rows().size(),
            List.of(
                "factor",
                "parameters",
                "runs",
                "failures",
                "failure_rate",
                "overall_failure_rate",
                "lift",
                "test",
                "p_value",
                "p_holm"),
            (Function<Table, Object>) t -> t.stringColumn("factor").get(0),
            P.failureModes().rows().get(0).factor()),
        Arguments.of(
            "success factors",
            P.successFactors(),
            P.successFactors().rows().size(),
            List.of(
                "factor",
                "parameters",
                "runs",
                "failures",
                "failure_rate",
                "overall_failure_rate",
                "lift",
                "test",
                "p_value",
                "p_holm"),
            (Function<Table, Object>) t -> t.doubleColumn("p_holm").getDouble(0),
            P.successFactors().rows().get(0).pHolm()),
        Arguments.of(
            "failure rules",
            P.failureRules(),
            P.failureRules().rows().size(),
            List.of("rule", "runs", "failures", "density", "coverage", "lift", "description"),
            (Function<Table, Object>) t -> t.doubleColumn("lift").getDouble(0),
            P.failureRules().rows().get(0).lift()),
        Arguments.of(
            "main effects on score",
            P.mainEffects(),
            P.mainEffects().rows().size(),
            List.of(
                "parameter",
                "eta_squared",
                "f",
                "p_value",
                "p_holm",
                "failure_rate_spread",
                "failure_rate_p_holm",
                "verdict",
                "level_means"),
            (Function<Table, Object>) t -> t.stringColumn("verdict").get(0),
            P.mainEffects().rows().get(0).verdict().label()),
        Arguments.of(
            "interactions on score",
            P.interactions(),
            P.interactions().rows().size(),
            List.of("interaction", "partial_eta_squared", "f", "df1", "df2", "p_value", "p_holm"),
            (Function<Table, Object>) t -> t.doubleColumn("partial_eta_squared").getDouble(0),
            P.interactions().rows().get(0).partialEtaSquared()),
        Arguments.of(
            "failure clusters",
            P.failureClusters(),
            P.failureClusters().rows().size(),
            List.of("cluster", "count", "share_of_failures", "example", "over_represented"),
            (Function<Table, Object>) t -> t.stringColumn("over_represented").get(0),
            String.join("; ", P.failureClusters().rows().get(0).overRepresented())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parts")
  void tableViewHasTheDocumentedColumnsAndTheTypedValues(
      String name,
      TabularResult part,
      int rows,
      List<String> columns,
      Function<Table, Object> firstCell,
      Object firstValue) {
    Table t = part.toTable();
    assertEquals(name, t.name());
    assertEquals(columns, t.columnNames());
    assertEquals(rows, t.rowCount());
    assertEquals(firstValue, firstCell.apply(t));
  }
}
