package org.sweeplab.sim.command;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** kill(2) through JNA: loaded on Linux, and it ends a whole process group. */
class LibcTest {
  @Test
  void killsAProcessGroupAndSaysWhenTheGroupWasEmpty() throws Exception {
    Assumptions.assumeTrue(
        System.getProperty("os.name").startsWith("Linux") && ProcessGroups.enabled(),
        "Linux with setsid only");
    assertTrue(Libc.AVAILABLE, "JNA could not bind kill(2) from the C library");
    Process p = new ProcessBuilder("/usr/bin/setsid", "/bin/sleep", "30").start();
    Thread.sleep(100); // setsid has made the group by now
    assertTrue(Libc.killGroup(p.pid(), Libc.SIGKILL));
    assertTrue(p.waitFor(5, TimeUnit.SECONDS));
    assertFalse(Libc.killGroup(p.pid(), Libc.SIGKILL), "the group should be empty now");
  }
}
