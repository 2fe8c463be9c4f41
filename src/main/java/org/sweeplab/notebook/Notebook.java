package org.sweeplab.notebook;

import org.sweeplab.store.Sweep;
import org.sweeplab.store.SweepResult;

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
}
