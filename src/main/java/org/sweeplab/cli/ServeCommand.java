package org.sweeplab.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.sweeplab.serve.Dashboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sweeplab serve DIR… [--port N] [--bind ADDR]}: a live, read-only dashboard of sweep
 * folders.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serve a live, read-only dashboard of running or finished sweep folders (127.0.0.1 by default);"
            + " Ctrl-C stops it.")
final class ServeCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Sweep output folders to follow.")
  List<Path> dirs;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Port (default 8765; 0 for any free port).")
  int port = 8765;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description =
          "Address to listen on (default 127.0.0.1); anyone who can reach another address can read the"
              + " folders.")
  String bind;

  @Spec CommandSpec command;

  @Override
  public Integer call() throws InterruptedException {
    Dashboard d = Dashboard.withDefaults().withPort(port);
    if (bind != null) {
      try {
        d = d.withBind(InetAddress.getByName(bind));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(
            "--bind "
                + bind
                + " is not an address of this machine; give an IP"
                + " address such as 127.0.0.1");
      }
    }
    var out = command.commandLine().getOut();
    var err = command.commandLine().getErr();
    if (!d.isLoopback()) {
      err.printf(
          "warning: serving on %s, not 127.0.0.1: anyone who can reach this address can read these"
              + " folders' results (there is no login)%n",
          bind);
      err.flush();
    }
    try (Dashboard.Handle h = d.start(dirs)) {
      out.printf("serving %d folder(s) at %s (read-only; Ctrl-C stops)%n", dirs.size(), h.url());
      out.flush();
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "sweeplab-serve-stop"));
      stop.await();
    }
    return ErrorHandler.OK;
  }
}
