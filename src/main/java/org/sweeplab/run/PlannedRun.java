package org.sweeplab.run;

import org.sweeplab.space.Variation;

/**
 * One run to execute: a variation, a replicate (from 1), its seed and id.
 *
 * @param ordinal the run's position in the plan ({@code variation index * replicates + replicate - 1})
 */
public record PlannedRun(Variation variation, int replicate, long seed, String runId, long ordinal)
    implements java.io.Serializable {}
