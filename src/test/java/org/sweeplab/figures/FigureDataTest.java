package org.sweeplab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The aggregates figures compute: t-intervals, ok-row filtering, ranking, Pareto front. */
class FigureDataTest {

    @Test
    void tIntervalMatchesR() {
        // R 4.3: t.test(c(1, 2, 3, 4, 5))$conf.int = 1.036757 4.963243
        Data.Summary s = Data.summarize("x", new double[] {1, 2, 3, 4, 5});
        assertEquals(3.0, s.mean(), 1e-12);
        assertEquals(1.036757, s.low(), 1e-6);
        assertEquals(4.963243, s.high(), 1e-6);
    }

    @Test
    void rowsNotOkOrWithoutMetricAreLeftOut() {
        Table t = Table.create("r", StringColumn.create("status", "ok", "failed", "ok", "timeout"),
                DoubleColumn.create("m", 1.0, Double.NaN, 3.0, 4.0), StringColumn.create("g", "a", "a", "b", "b"));
        assertEquals(List.of(0, 2), Data.okRows(t, "m"));
        assertEquals(List.of("a", "b"), List.copyOf(Data.groupValues(t, "m", "g").keySet()));
    }

    @Test
    void rankingMarksWhatDiffersFromTheBest() {
        Table t = Table.create("r",
                DoubleColumn.create("m", 10, 11, 10.5, 10.2, 10.8, 10.1, 0, 1, 0.5, 0.2, 0.8, 0.1),
                StringColumn.create("g", "hi", "hi", "hi", "tie", "tie", "tie", "lo", "lo", "lo", "lo", "lo", "lo"));
        Table ranking = RankingPlot.withDefaults().rank(t, "m", "g");
        assertEquals(List.of("hi", "tie", "lo"), ranking.stringColumn("label").asList());
        assertEquals(List.of(false, false, true), ranking.booleanColumn("distinguishable").asList());
        Table minimize = RankingPlot.withDefaults().withGoal(Goal.MINIMIZE).rank(t, "m", "g");
        assertEquals("lo", minimize.stringColumn("label").get(0));
    }

    @Test
    void paretoFrontKeepsPointsNothingBeats() {
        var pts = List.of(new ParetoPlot.Point("cheap", 1, 1), new ParetoPlot.Point("dominated", 2, 0.5),
                new ParetoPlot.Point("mid", 2, 2), new ParetoPlot.Point("dear", 5, 3));
        assertEquals(List.of("cheap", "mid", "dear"),
                ParetoPlot.withDefaults().front(pts).stream().map(ParetoPlot.Point::label).toList());
        assertEquals(List.of("cheap", "dominated"), ParetoPlot.withDefaults().withGoal(Goal.MINIMIZE).front(pts).stream()
                .map(ParetoPlot.Point::label).toList());
    }

    @Test
    void styleRejectsNonsenseWithClearMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FigureStyle.withDefaults().withSize(10, 500));
        assertTrue(e.getMessage().contains("10x500"), e.getMessage());
        FigureStyle s = FigureStyle.withDefaults().withFontSize(20);
        assertEquals(22, s.titleFontSize());
        assertEquals(20, s.labelFontSize());
        assertEquals(19, s.tickFontSize());
        assertFalse(s == FigureStyle.withDefaults());
        assertEquals(800, FigureStyle.withDefaults().width());
    }
}
