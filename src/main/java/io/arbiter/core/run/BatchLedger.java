package io.arbiter.core.run;

import java.util.List;

/**
 * The batch jobs a run has started, written before they are polled, so a reopened run polls live batches instead
 * of paying for them twice.
 */
public interface BatchLedger {

    /** The stage's jobs, in shard order. */
    List<BatchJob> jobs(Stage stage);

    /** Adds a job or replaces what was known of it. */
    void saveJob(BatchJob job);
}
