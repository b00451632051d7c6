package io.arbiter.ui.workbench;

import io.arbiter.core.project.Project;
import io.arbiter.core.review.HeldOutSplit;
import io.arbiter.core.review.ReviewLog;
import io.arbiter.ui.common.LatestOnly;
import io.arbiter.ui.common.TaskExecutor;
import io.arbiter.ui.results.ResultsViewModel;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The open project's held-out rows in the review: the project's split (its seed drawn and kept the first time) is
 * read off the FX thread when a project opens, and changes with the share the user sets. A row held out checks the
 * worked examples and cannot be one; without a project nothing is held out, as there is no seed to keep. FX thread.
 */
final class HeldOutRows {

    /** The latest request wins: a share set just after opening is not undone by the opening's read coming late. */
    private final LatestOnly requests;

    private final ResultsViewModel results;
    private final Consumer<String> status;
    private HeldOutSplit current = HeldOutSplit.NONE;

    HeldOutRows(TaskExecutor executor, ResultsViewModel results, Consumer<String> status) {
        this.requests = new LatestOnly(executor);
        this.results = results;
        this.status = status;
    }

    /** Holds out the rows {@code project}'s split names. */
    CompletableFuture<HeldOutSplit> use(Project project) {
        return requests.submit(
                project::heldOutSplit,
                this::apply,
                failure -> status.accept("The held-out rows could not be read: " + LatestOnly.messageOf(failure)));
    }

    /** Keeps {@code share} (0 holds nothing out) in {@code project}, with its seed, and holds out those rows. */
    CompletableFuture<HeldOutSplit> share(Project project, double share) {
        if (project == null) {
            status.accept("Open or create a project first: it keeps the seed that picks the held-out rows.");
            return CompletableFuture.completedFuture(HeldOutSplit.NONE);
        }
        return requests.submit(
                () -> project.saveHeldOutShare(share),
                split -> {
                    apply(split);
                    status.accept("Holding out " + split.percent() + " of rows to check the worked examples.");
                },
                failure -> status.accept("The held-out share was not kept: " + LatestOnly.messageOf(failure)));
    }

    /** The share held out now: the open project's, once read; 0 without a project. */
    double share() {
        return current.share();
    }

    private void apply(HeldOutSplit split) {
        current = split;
        ReviewLog review = results.review();
        review.useSplit(split); // a held-out example is taken back, and the project told
        // Shown again: a star taken back leaves its row, and the figures count it again.
        results.reviewing().use(Map.copyOf(review.verdicts()), review.promotedRows());
    }
}
