package io.arbiter.ui.results;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.metrics.TruthMatch;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.core.verdict.JudgeScore;
import io.arbiter.core.verdict.PairOutcome;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One line of the results table: a dataset row and whatever the run has found for it so far. Over 300 lines because
 * every scheme's cells (a verdict, a score, a pair's answers and winner) are read here, the one place the table's
 * columns, its text filter and the figures all reach them; a pair's own cells are spelled by {@link PairCells}.
 */
public final class ResultsTableRow {

    /** How a row reads at a glance; the table styles rows by it. */
    public enum Outcome {
        PENDING,
        PASS,
        FAIL,
        UNPARSED,
        ERROR,
        /** A pair the judge decided: neither a pass nor a fail, its outcome cell says which answer won. */
        DECIDED
    }

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final int index;
    /** How the run grades: it spells the judge's cells and decides whether the judge agrees with the truth. */
    private final JudgeScheme scheme;
    /** What the dataset's human columns say about the row, beside a reviewer's word; null when not known. */
    private final RowRatings ratings;
    /** The dataset row's reference answer; empty without a reference column. */
    private final String reference;

    private final ObjectProperty<RowResult> result;
    /** A person's verdict on the base answer; null until someone reviews the row. Set by the view model. */
    private final ObjectProperty<HumanVerdict> human = new SimpleObjectProperty<>();
    /** True while the row is a worked example in the judge prompt, and so left out of every metric. */
    private final BooleanProperty promoted = new SimpleBooleanProperty();

    ResultsTableRow(RowResult result, JudgeScheme scheme) {
        this(result, scheme, null, "");
    }

    ResultsTableRow(RowResult result, JudgeScheme scheme, RowRatings ratings, String reference) {
        this.index = result.row();
        this.scheme = scheme;
        this.ratings = ratings;
        this.reference = reference;
        this.result = new SimpleObjectProperty<>(result);
    }

    /** One pending row per dataset row; linear in the rows, so large datasets build it off the FX thread. */
    public static List<ResultsTableRow> pending(Dataset dataset, ColumnMapping mapping, JudgeScheme scheme) {
        RowRatings ratings = new RowRatings(scheme, dataset, mapping);
        List<ResultsTableRow> fresh = new ArrayList<>(dataset.size());
        for (int row = 0; row < dataset.size(); row++) {
            fresh.add(new ResultsTableRow(
                    RowResult.pending(row, mapping.truthLabels(dataset, row)),
                    scheme,
                    ratings,
                    mapping.judgeColumns().reference(dataset, row)));
        }
        return fresh;
    }

    /** How the row is graded: the scheme of the run it shows, or of the next run before any. */
    public JudgeScheme scheme() {
        return scheme;
    }

    /** What a table cell of this row shows: it changes when any of these does. */
    public Observable[] shownState() {
        return new Observable[] {result, human, promoted};
    }

    public BooleanProperty promotedProperty() {
        return promoted;
    }

    public boolean promoted() {
        return promoted.get();
    }

    /** "★ example" for a promoted row, else empty. */
    public String exampleMark() {
        return promoted.get() ? "★ example" : "";
    }

    public ObjectProperty<HumanVerdict> humanProperty() {
        return human;
    }

    /**
     * The human verdict on the row's current base answer (a pair's two answers), or null: a verdict given on an
     * answer an earlier run gave does not count for the one shown now (the row is up for review again).
     */
    public HumanVerdict human() {
        HumanVerdict verdict = human.get();
        return verdict != null && verdict.on(RowRatings.judgedAnswer(result())) ? verdict : null;
    }

    /** The base answer as the model gave it, or null before it has one. */
    public String baseAnswerText() {
        RowResult r = result();
        return r.base().answered() ? r.base().text() : null;
    }

    /** "right", "wrong" or empty. */
    public String humanLabel() {
        return human() == null ? "" : human().label();
    }

    /**
     * The person's score the judge's is checked against, as the figures count it: a reviewer's on the current answer
     * (or "right"/"wrong" when the reviewer gave no score), else the dataset's human score; empty without either.
     */
    public String humanScore() {
        HumanVerdict verdict = human();
        if (verdict != null) {
            return verdict.label();
        }
        OptionalInt score = ratings == null ? OptionalInt.empty() : ratings.datasetScore(index);
        return score.isPresent() ? Integer.toString(score.getAsInt()) : "";
    }

    /**
     * Which answer of a pair people preferred, as the figures count it: a reviewer's on the current pair, else the
     * dataset's; "A", "B", "tie" or empty.
     */
    public String humanPreference() {
        HumanVerdict verdict = human();
        if (verdict != null && verdict.preference() != null) {
            return PairwiseScheme.spell(verdict.preference());
        }
        return ratings == null
                ? ""
                : PairwiseScheme.spell(ratings.datasetPreference(index).orElse(null));
    }

    /** A pairwise row's answer B; empty on a row of one answer. */
    public String answerB() {
        return PairCells.answerB(result());
    }

    /** A pairwise judge's verdict with answer A shown first: A, B, tie, UNPARSED, error or empty. */
    public String winnerAB() {
        return PairCells.aFirst(result());
    }

    /** A pairwise judge's verdict with answer B shown first, mapped back to the answers; "—" when not asked. */
    public String winnerBA() {
        return PairCells.bFirst(result());
    }

    /** The pair's outcome (A, B, tie, inconsistent, UNPARSED), null before the judge answered or on one answer. */
    public PairOutcome pairOutcome() {
        return PairCells.outcome(result());
    }

    /** The reference answer the judge is shown as {{reference}}; empty without a reference column. */
    public String reference() {
        return reference;
    }

    /** What a scoring judge wrote to justify its score, kept apart from the score; empty otherwise. */
    public String judgeReasoning() {
        if (result().paired()) {
            return PairCells.reasoning(result());
        }
        return result().judgement() instanceof JudgeScore score ? score.reasoning() : "";
    }

    /**
     * The row as the figures count it. A scoring run counts the people's scores and a pairwise run their
     * preferences, a reviewer's before the dataset's; a verdict run's table counts the ground truth, as it always has
     * (Judge analysis chooses its rater itself).
     */
    public RatedRow rated() {
        return (scheme.scores() || scheme.pairs()) && ratings != null
                ? ratings.rate(result(), human())
                : RatedRow.of(result().scored());
    }

    public String humanNote() {
        return human() == null ? "" : human().note();
    }

    /** "Reviewed: base answer wrong (ana, 2024-05-01 10:00) · note" ("human score 2" for a score), or empty. */
    public String reviewSummary() {
        HumanVerdict verdict = human();
        if (verdict == null) {
            return "";
        }
        String said = verdict.preference() != null
                ? "preference " + PairwiseScheme.spell(verdict.preference())
                : (verdict.score() == null ? "base answer " : "human score ") + verdict.label();
        return "Reviewed: " + said + " (" + verdict.reviewer() + ", " + WHEN.format(verdict.at()) + ")"
                + (verdict.note().isEmpty() ? "" : " · " + verdict.note());
    }

    public int index() {
        return index;
    }

    public ObjectProperty<RowResult> resultProperty() {
        return result;
    }

    public RowResult result() {
        return result.get();
    }

    public String truth() {
        return String.join(", ", result().truth());
    }

    public String baseAnswer() {
        RowResult r = result();
        if (r.base().failed()) {
            return "error";
        }
        return r.base().answered() ? r.base().text().strip() : "";
    }

    public String judgePrediction() {
        RowResult r = result();
        if (r.verdict() == null) {
            return r.judge().failed() ? "error" : "";
        }
        return r.verdict().parsed() ? r.verdict().prediction() : "UNPARSED";
    }

    public String verdict() {
        RowResult r = result();
        if (r.judgement() == null) {
            return r.judge().failed() ? "error" : "";
        }
        return scheme.spell(r.judgement());
    }

    /** "correct", "wrong", "UNPARSED" or empty, by the same rule the metrics count. */
    public String baseVsTruth() {
        RowResult r = result();
        if (r.baseAnswer() == null || r.truth().isEmpty()) {
            return "";
        }
        if (!r.baseAnswer().parsed()) {
            return "UNPARSED";
        }
        return TruthMatch.ofBase(r.truth(), r.baseAnswer()).spelled();
    }

    public Outcome outcome() {
        RowResult r = result();
        if (r.failed()) {
            return Outcome.ERROR;
        }
        if (r.paired()) {
            PairOutcome pair = pairOutcome();
            return pair == null ? Outcome.PENDING : pair == PairOutcome.UNPARSED ? Outcome.UNPARSED : Outcome.DECIDED;
        }
        if (r.baseAnswer() == null) {
            return Outcome.PENDING;
        }
        if (!r.baseAnswer().parsed() || (r.judgement() != null && !r.judgement().parsed())) {
            return Outcome.UNPARSED;
        }
        if (r.truth().isEmpty()) {
            // Without truth the judge's word is all there is: it passes the rows it accepts.
            return r.judgement() == null
                    ? Outcome.PENDING
                    : scheme.passes(r.judgement()).orElse(false) ? Outcome.PASS : Outcome.FAIL;
        }
        return baseRight(r) ? Outcome.PASS : Outcome.FAIL;
    }

    /** True when any shown cell contains {@code needle} (already lower case); used by the table filter. */
    boolean matches(String needle, Dataset dataset, List<String> keyColumns) {
        if (dataset != null) {
            for (String column : keyColumns) {
                if (dataset.value(index, column)
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains(needle)) {
                    return true;
                }
            }
        }
        for (String cell : new String[] {
            truth(), baseAnswer(), answerB(), judgePrediction(), verdict(), baseVsTruth(), humanNote(), judgeReasoning()
        }) {
            if (cell.toLowerCase(java.util.Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /** True when the judge's verdict contradicts the ground truth: the rows worth a second look. */
    public boolean judgeDisagreesWithTruth() {
        return scheme.agreesWithTruth(RatedRow.of(result().scored()))
                .map(agrees -> !agrees)
                .orElse(false);
    }

    private static boolean baseRight(RowResult r) {
        return TruthMatch.ofBase(r.truth(), r.baseAnswer()) == TruthMatch.RIGHT;
    }
}
