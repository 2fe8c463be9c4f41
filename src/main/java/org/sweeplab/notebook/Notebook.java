package org.sweeplab.notebook;

import java.nio.file.Path;
import java.time.Duration;
import org.sweeplab.analysis.Runs;
import org.sweeplab.analysis.RunsReader;
import org.sweeplab.sweep.Sweep;
import org.sweeplab.sweep.SweepResult;

/**
 * One-line helpers for notebook cells.
 *
 * <pre>{@code
 * SweepResult r = Notebook.run(Sweep.of(spec).simulation(ctx -> Metrics.of("score", ...)));
 * r.table();   // shows as an HTML table
 * }</pre>
 */
public final class Notebook {

    private Notebook() {
    }

    /**
     * Runs a sweep with a live progress bar ({@link NotebookProgress}), which replaces any listener the sweep had.
     *
     * @return the sweep's result
     */
    public static SweepResult run(Sweep sweep) {
        return sweep.listener(NotebookProgress.create()).run();
    }

    /**
     * Reads the runs of a sweep folder or any results CSV ({@link Runs#read(Path)}); a file of more than 64 MB shows
     * a live bar of the megabytes read, with the time taken and left.
     *
     * @return the runs
     */
    public static Runs read(Path path) {
        ProgressBar display = ProgressBar.withDefaults().withTitle("reading " + path.getFileName() + " (MB)");
        long start = System.nanoTime();
        return RunsReader.withDefaults().withProgress((file, read, total, done) -> {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Duration eta = read == 0 ? null : Duration.ofNanos((long) (elapsed.toNanos() * ((double) total / read - 1)));
            display.update(read >> 20, total >> 20, read >> 20, 0, elapsed, done ? Duration.ZERO : eta, Double.NaN);
        }).read(path);
    }
}
