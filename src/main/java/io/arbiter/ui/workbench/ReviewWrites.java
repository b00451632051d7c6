package io.arbiter.ui.workbench;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.project.Project;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.review.ReviewLog;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * What the open project keeps as it is made, not on Save: each human verdict, promotion and label rename, written in
 * the order made through the project's write queue. Without a project nothing is written. FX thread.
 */
final class ReviewWrites {

    private final ProjectLifecycle projects;

    ReviewWrites(ProjectLifecycle projects) {
        this.projects = projects;
    }

    /** Writes every verdict and promotion made in {@code review}, over the rows the table shows then. */
    void follow(ReviewLog review, Supplier<Dataset> shownRows) {
        WorkbenchProject session = projects.session();
        review.setListener(new ReviewLog.Listener() {
            @Override
            public void verdictChanged(int row, HumanVerdict now) {
                keep(
                        "keep the verdict on row " + (row + 1),
                        shownRows.get(),
                        (open, rows) -> session.keepVerdict(open, rows, row, now));
            }

            @Override
            public void promotionChanged(int row, boolean promoted) {
                keep(
                        "keep the example on row " + (row + 1),
                        shownRows.get(),
                        (open, rows) -> session.keepPromotion(open, rows, row, promoted));
            }
        });
    }

    /** Keeps label renames when the open project holds {@code shown} as its dataset. */
    void keepRenames(Dataset shown, ColumnMapping current) {
        Project open = projects.project();
        if (open != null && projects.holds(shown)) {
            projects.writes()
                    .queue("keep the label renames", () -> projects.session().keepRenames(open, current));
        }
    }

    private void keep(String what, Dataset rows, BiConsumer<Project, Dataset> write) {
        Project open = projects.project();
        if (open != null && rows != null) {
            projects.writes().queue(what, () -> write.accept(open, rows));
        }
    }
}
