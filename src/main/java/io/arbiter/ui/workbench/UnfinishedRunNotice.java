package io.arbiter.ui.workbench;

import io.arbiter.core.project.Project;
import io.arbiter.core.project.RunListing;
import io.arbiter.core.project.RunRecorder;
import io.arbiter.core.run.RunOutcome;
import java.util.List;

/** What the status line says when an opened project's latest run did not finish, and how to go on with it. */
final class UnfinishedRunNotice {

    private UnfinishedRunNotice() {}

    /**
     * What an opened project says about a run left unfinished (its latest), for the status line; null when its
     * latest run completed.
     */
    static String of(Project project) {
        List<RunListing> runs = project.runs();
        if (runs.isEmpty()
                || RunOutcome.Status.COMPLETED
                        .name()
                        .equals(runs.get(runs.size() - 1).record().status())) {
            return null;
        }
        RunListing latest = runs.get(runs.size() - 1);
        if (latest.draft()) { // Run starts a whole run, not this draft again; the cache still has what it answered
            return latest.displayName() + " (a draft on "
                    + latest.selectedRows().size() + " rows) did not finish: "
                    + "press Run for every row; the rows it answered are not sent again.";
        }
        int live = RunRecorder.liveBatches(project, latest.id());
        return latest.displayName() + " did not finish"
                + (live > 0
                        ? String.format(
                                java.util.Locale.ROOT,
                                " and has %d batch%s still at the provider",
                                live,
                                live == 1 ? "" : "es")
                        : "")
                + ": press Run to continue it; answered rows are kept and not sent again.";
    }
}
