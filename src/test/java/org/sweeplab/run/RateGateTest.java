package org.sweeplab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RateGateTest {
  @Test
  void pacesStartsEvenly() throws Exception {
    FakeTicker t = new FakeTicker();
    RateGate gate = new RateGate(500, t);
    for (int i = 0; i < 5; i++) {
      gate.acquire();
    }
    // 500/s: the first start is immediate, then one every 2 ms.
    assertEquals(List.of(2_000_000L, 2_000_000L, 2_000_000L, 2_000_000L), t.sleeps);
    assertEquals(4, gate.waits());
  }

  @Test
  void retryAfterHoldsOffEveryWorker() throws Exception {
    FakeTicker t = new FakeTicker();
    RateGate gate = new RateGate(0, t);
    gate.acquire();
    gate.holdOff(3_000_000_000L);
    t.advance(1_000_000_000L);
    gate.acquire(); // any worker, one second later, waits the remaining two seconds
    assertEquals(List.of(2_000_000_000L), t.sleeps);
    gate.acquire(); // after the hold-off there is no wait
    assertEquals(1, t.sleeps.size());
  }
}
