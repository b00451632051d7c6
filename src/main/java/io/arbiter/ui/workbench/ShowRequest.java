package io.arbiter.ui.workbench;

import io.arbiter.core.dataset.Dataset;

/**
 * What the user last asked the results table to show, waiting until the table holds {@code dataset}'s rows: a stored
 * run and what to do once it is on screen, then the review the project keeps for those rows. One request waits at a
 * time: a newer one replaces it, and another dataset coming first drops it.
 *
 * @param run    the stored run to show; null for none
 * @param then   what to do once the run is on screen, e.g. filter the table to a comparison's flipped rows
 * @param review the kept review of the dataset's rows, brought back after the run so its examples have their answers;
 *               null for none
 */
record ShowRequest(Dataset dataset, WorkbenchProject.ShownRun run, Runnable then, WorkbenchProject.KeptReview review) {

    /** What an opened project brings back with its dataset: its latest run and its review. */
    static ShowRequest restoring(
            Dataset dataset, WorkbenchProject.ShownRun latest, WorkbenchProject.KeptReview review) {
        return new ShowRequest(dataset, latest, () -> {}, review);
    }
}
