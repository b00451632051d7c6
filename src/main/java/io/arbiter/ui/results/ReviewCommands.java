package io.arbiter.ui.results;

import io.arbiter.core.project.WorkedExamples;
import io.arbiter.core.prompt.FewShotExample;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.review.ReviewLog;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.core.scheme.ReviewMark;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A person's review of the results rows: labels, notes, undo, promotion to worked examples, and the message each
 * leaves for the status line. Touch only on the UI thread.
 */
public final class ReviewCommands {

    private final ReviewLog review;
    /** Every row shown, in dataset order. */
    private final Supplier<List<ResultsTableRow>> rows;

    private final Supplier<JudgeScheme> scheme;
    /** Recounts the figures, when there are any, after a row joins or leaves them. */
    private final Runnable recount;
    /** Changes on every label, note, undo or promotion; the analysis and the examples follow it. */
    private final ReadOnlyLongWrapper reviewVersion = new ReadOnlyLongWrapper();
    /** What the latest review command did, or why it did nothing; for the status line. */
    private final ReadOnlyStringWrapper reviewMessage = new ReadOnlyStringWrapper("");

    private Supplier<String> promotionAdvice = () -> "";

    ReviewCommands(
            ReviewLog review, Supplier<List<ResultsTableRow>> rows, Supplier<JudgeScheme> scheme, Runnable recount) {
        this.review = review;
        this.rows = rows;
        this.scheme = scheme;
        this.recount = recount;
    }

    // Properties

    /** Changes on every label, note, undo or promotion; the analysis and the examples follow it. */
    public ReadOnlyLongProperty reviewVersionProperty() {
        return reviewVersion.getReadOnlyProperty();
    }

    /** What the latest review command did, or why it did nothing; for the status line. */
    public ReadOnlyStringProperty reviewMessageProperty() {
        return reviewMessage.getReadOnlyProperty();
    }

    // Commands

    /** Records a person's verdict on the row's base answer: right or wrong. */
    public void label(ResultsTableRow row, boolean baseRight) {
        label(row, new ReviewMark("", "", baseRight));
    }

    /**
     * Gives the row {@code mark}: right or wrong, on a scoring run a score that passes or fails, on a pairwise run
     * the answer preferred.
     */
    public void label(ResultsTableRow row, ReviewMark mark) {
        if (row == null) {
            reviewMessage.set("Select a row to review first.");
            return;
        }
        if (mark.preference() != null) {
            prefer(row, mark);
            return;
        }
        if (row.result().baseAnswer() == null) {
            reviewMessage.set("Row " + (row.index() + 1) + " has no base answer to review yet.");
            return;
        }
        String replaced = replaced(row.index(), false);
        HumanVerdict verdict = review.label(
                row.index(), mark.baseRight(), reviewer(), Instant.now(), row.baseAnswerText(), mark.score());
        String said = verdict.score() == null ? "base answer " + verdict.label() : "human score " + verdict.label();
        reviewed(row, "Row " + (row.index() + 1) + ": " + said + " (" + verdict.reviewer() + ")." + replaced);
    }

    /** A preference is given on both answers as they stand: a later run that answers otherwise leaves it behind. */
    private void prefer(ResultsTableRow row, ReviewMark mark) {
        String pair = RowRatings.judgedAnswer(row.result());
        if (pair == null) {
            reviewMessage.set("Row " + (row.index() + 1) + " does not have both answers to compare yet.");
            return;
        }
        String replaced = replaced(row.index(), true);
        HumanVerdict verdict = review.prefer(row.index(), mark.preference(), reviewer(), Instant.now(), pair);
        reviewed(
                row,
                "Row " + (row.index() + 1) + ": human preference " + PairwiseScheme.spell(verdict.preference()) + " ("
                        + verdict.reviewer() + ")." + replaced);
    }

    /**
     * What a new mark replaces when the row holds the other kind of review: a project keeps one review per dataset
     * row, so a preference and a verdict on the same row replace each other. Said, so U can take it back.
     */
    private String replaced(int index, boolean preferring) {
        HumanVerdict before = review.verdict(index).orElse(null);
        if (before == null || (before.preference() != null) == preferring) {
            return "";
        }
        String was = before.preference() != null
                ? "human preference " + PairwiseScheme.spell(before.preference())
                : before.score() != null ? "human score " + before.label() : "verdict " + before.label();
        return " It replaces the row's " + was + " from another grading (one review per row); U undoes.";
    }

    /** Sets the note on a reviewed row; an empty note removes it. */
    public void note(ResultsTableRow row, String text) {
        if (row == null || row.human() == null) {
            reviewMessage.set("Label the row first (" + marks() + "), then add a note.");
            return;
        }
        review.note(row.index(), text, reviewer(), Instant.now());
        reviewed(row, "Row " + (row.index() + 1) + ": note saved.");
    }

    /** Takes back the latest label or note; the dataset row it touched, or -1 when there was nothing to undo. */
    public int undo() {
        var undone = review.undo();
        if (undone.isEmpty()) {
            reviewMessage.set("Nothing to undo.");
            return -1;
        }
        int index = undone.getAsInt();
        List<ResultsTableRow> all = rows.get();
        if (index < all.size()) {
            reviewed(all.get(index), "Undid the latest review of row " + (index + 1) + ".");
        }
        return index;
    }

    /** Makes a reviewed row a worked example for the judge, or takes it back; a promoted row leaves every metric. */
    public void togglePromoted(ResultsTableRow row) {
        // Taking an example back needs no verdict on the current answer: a later run may have answered otherwise.
        if (row == null || (row.human() == null && !row.promoted())) {
            reviewMessage.set("Review the row first (" + marks() + "); then P makes it a worked example.");
            return;
        }
        if (!row.promoted() && !scheme.get().takesExamples()) {
            reviewMessage.set("This grading takes no worked examples: the row stays in the figures.");
            return;
        }
        if (!row.promoted() && review.heldOut(row.index())) {
            reviewMessage.set(review.split().refusal(row.index()));
            return;
        }
        boolean now = review.togglePromoted(row.index());
        reviewed(
                row,
                now
                        ? "Row " + (row.index() + 1) + " is a worked example for the judge and is left out of every "
                                + "metric." + promotionAdvice.get()
                        : "Row " + (row.index() + 1) + " is no longer an example.");
    }

    /** Brings back a project's review for the rows shown; call after the results show the same dataset. */
    public void use(Map<Integer, HumanVerdict> verdicts, List<Integer> promoted) {
        review.restore(verdicts, promoted);
        showAll(rows.get());
        recount.run();
        reviewVersion.set(reviewVersion.get() + 1);
    }

    /** Adds advice to the promotion message, such as a missing {{examples}} placeholder; empty for none. */
    public void setPromotionAdvice(Supplier<String> advice) {
        promotionAdvice = advice;
    }

    /**
     * The promoted rows as worked examples, in the order promoted, for a run graded by {@code next}: what an example
     * teaches and how the prompt shows it is the next run's scheme's, whatever graded the shown rows.
     */
    public List<FewShotExample> examples(JudgeScheme next) {
        Map<Integer, HumanVerdict> verdicts = new HashMap<>();
        review.promotedRows().forEach(index -> review.verdict(index).ifPresent(v -> verdicts.put(index, v)));
        List<ResultsTableRow> all = rows.get();
        return WorkedExamples.of(
                next,
                review.promotedRows(),
                verdicts,
                index -> index < all.size() ? all.get(index).result() : null);
    }

    /** Shows each row's verdict and promotion as the review holds them. */
    void showAll(List<ResultsTableRow> shown) {
        shown.forEach(this::show);
    }

    private void reviewed(ResultsTableRow row, String message) {
        boolean wasPromoted = row.promoted();
        show(row);
        // A row joins or leaves the metrics; on a scoring run a reviewer's score, on a pairwise run a reviewer's
        // preference, is what the judge's is checked against.
        if (wasPromoted
                || row.promoted()
                || scheme.get().scores()
                || scheme.get().pairs()) {
            recount.run();
        }
        reviewVersion.set(reviewVersion.get() + 1);
        reviewMessage.set(message);
    }

    private void show(ResultsTableRow row) {
        row.humanProperty().set(review.verdict(row.index()).orElse(null));
        row.promotedProperty().set(review.promoted(row.index()));
    }

    /** The scheme's review keys as the help line names them: "1 base answer right, 2 wrong". */
    private String marks() {
        return scheme.get().reviewMarks().stream()
                .map(mark -> mark.key() + " " + mark.label())
                .collect(Collectors.joining(", "));
    }

    private static String reviewer() {
        return System.getProperty("user.name", "unknown");
    }
}
