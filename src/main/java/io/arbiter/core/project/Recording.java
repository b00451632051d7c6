package io.arbiter.core.project;

import io.arbiter.core.run.RunMode;
import io.arbiter.core.store.ProjectRunLedger;

/**
 * A run being recorded in a project, as {@link RunRecorder} found or created it.
 *
 * @param resumedFrom the status the run had when this continues it (e.g. "RUNNING" after a kill, "CANCELLED"); null
 *                    for a new run
 * @param liveBatches batches of that run the provider may still be working on: they are polled, not sent again
 * @param mode        how the run goes: the mode asked for, except that a run resumed with live batches stays a
 *                    batch run, as those answers are already paid for
 */
public record Recording(
        Project project, long runId, ProjectRunLedger ledger, String resumedFrom, int liveBatches, RunMode mode) {

    /** True when this continues an unfinished run of the same spec. */
    public boolean resumed() {
        return resumedFrom != null;
    }

    /** True when the run goes through the Batch API. */
    public boolean batch() {
        return mode == RunMode.BATCH;
    }
}
