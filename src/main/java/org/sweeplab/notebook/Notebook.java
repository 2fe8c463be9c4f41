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
     * Runs a sweep with a live progress bar ({@link NotebookProgress}), which replaces any listener the sweep had; a
     * spec with {@code execution.racing} runs as a race ({@link org.sweeplab.race.Race}).
     *
     * @return the sweep's result (for a race: its counts over the runs the race needs)
     */
    public static SweepResult run(Sweep sweep) {
        Sweep withProgress = sweep.listener(NotebookProgress.create());
        // A spec with execution.racing runs as a race, as `sweeplab run` runs it.
        return org.sweeplab.race.Race.isRace(sweep.spec()) ? org.sweeplab.race.Race.of(withProgress).run().sweep()
                : withProgress.run();
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
