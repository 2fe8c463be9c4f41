package org.sweeplab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FigureJobsTest {

  @Test
  void resultsComeInTheOrderOfTheJobsWhateverOrderTheyEndIn() {
    List<Integer> jobs = IntStream.range(0, 9).boxed().toList();
    List<String> out =
        FigureJobs.run(
            jobs,
            j -> {
              try {
                Thread.sleep((9 - j) * 3L); // the first jobs end last
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              return "figure " + j;
            });
    assertEquals(IntStream.range(0, 9).mapToObj(j -> "figure " + j).toList(), out);
  }

  @Test
  void aFailingJobIsRethrownAsItWas() {
    IllegalArgumentException boom = new IllegalArgumentException("no such parameter");
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                FigureJobs.run(
                    List.of(1, 2, 3),
                    j -> {
                      if (j == 2) {
                        throw boom;
                      }
                      return j;
                    }));
    assertSame(boom, thrown);
  }

  @Test
  void noJobsGiveNoResults() {
    assertEquals(List.of(), FigureJobs.run(List.<Integer>of(), j -> j));
  }
}
