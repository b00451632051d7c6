package io.arbiter.core.run;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.JudgeColumns;
import io.arbiter.core.metrics.Bootstrap;
import io.arbiter.core.metrics.HeldOutAgreement;
import io.arbiter.core.metrics.LabelPlan;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.metrics.TruthMatch;
import io.arbiter.core.review.HeldOutSplit;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.ScoreScheme;
import io.arbiter.core.verdict.Preference;
import io.arbiter.core.verdict.ScoreScale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What people said about each row's base answer, from the dataset's human columns and from a reviewer, put beside
 * the judge's word the way the run's scheme counts it. One place for it, so the CLI's figures, the stored run's and
 * the workbench's rate a row alike. A reviewer's verdict on the row's current answer takes the place of the
 * dataset's: it is the later, closer look.
 */
public final class RowRatings {

    /** How many bad cells a problem report names before it says "and N more". */
    private static final int NAMED = 5;

    private final JudgeScheme scheme;
    private final Dataset dataset;
    private final JudgeColumns columns;
    /** Reviewers' verdicts by dataset row, each counted on the answer it was given on. */
    private final Map<Integer, HumanVerdict> reviewed;

    public RowRatings(JudgeScheme scheme, Dataset dataset, ColumnMapping mapping) {
        this(scheme, dataset, mapping, Map.of());
    }

    /** As above, with the verdicts and scores a review kept (a project's), which {@link #rate(RowResult)} counts. */
    public RowRatings(JudgeScheme scheme, Dataset dataset, ColumnMapping mapping, Map<Integer, HumanVerdict> reviewed) {
        this.scheme = scheme;
        this.dataset = dataset;
        this.columns = mapping.judgeColumns();
        this.reviewed = Map.copyOf(reviewed);
    }

    public static RowRatings of(RunSpec spec) {
        return new RowRatings(spec.scheme(), spec.dataset(), spec.mapping());
    }

    /** The reviewers' verdicts these ratings count, by dataset row (a project's kept review; empty without one). */
    public Map<Integer, HumanVerdict> reviewed() {
        return reviewed;
    }

    /** The scheme the rows are rated for. */
    public JudgeScheme scheme() {
        return scheme;
    }

    /** The row with its kept review, if any, before the dataset's human judgements. */
    public RatedRow rate(RowResult row) {
        return rate(row, reviewed.get(row.row()));
    }

    /** The row with a reviewer's verdict, when it is on the row's current answer, before the dataset's. */
    public RatedRow rate(RowResult row, HumanVerdict review) {
        String answer = judgedAnswer(row);
        // A preference speaks of a pair, a verdict or score of one answer: neither stands for the other, and a
        // review kept before answers were (answer unknown) says nothing about a pair.
        boolean fits = review != null && (review.preference() != null) == row.paired();
        if (fits && answer != null && review.on(answer)) {
            OptionalInt score = review.score() == null ? OptionalInt.empty() : OptionalInt.of(review.score());
            return scheme.rate(row.scored(), review.truthMatch(), score, review.preference());
        }
        return scheme.rate(
                row.scored(),
                datasetVerdict(row.row()),
                datasetScore(row.row()),
                datasetPreference(row.row()).orElse(null));
    }

    /**
     * What a reviewer's word on the row is given on: its base answer, or a pair's two answers as one text ({@link
     * HumanVerdict#pairAnswer}); null while the row has none.
     */
    public static String judgedAnswer(RowResult row) {
        if (!row.paired()) {
            return row.base().answered() ? row.base().text() : null;
        }
        return row.base().answered() && row.answerB() != null
                ? HumanVerdict.pairAnswer(row.base().text(), row.answerB())
                : null;
    }

    /** The dataset's human preference between the row's two answers; empty without one or when unreadable. */
    public Optional<Preference> datasetPreference(int row) {
        try {
            return humanPreference(row);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<Preference> humanPreference(int row) {
        try {
            return Preference.fromHuman(columns.humanPreferenceCell(dataset, row));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Row " + (row + 1) + " of " + dataset.name() + ": human preference"
                    + " in column '" + columns.humanPreference() + "': " + e.getMessage());
        }
    }

    /**
     * What to label next among {@code measured} (rows the figures count: no worked example, no draft's other row),
     * each rated with its kept review, ordered within a stratum by a seed of the dataset's, so the workbench and
     * {@code label-next} plan a run alike.
     */
    public LabelPlan labelPlan(List<RowResult> measured, int count) {
        List<LabelPlan.Candidate> rows = new ArrayList<>(measured.size());
        measured.forEach(row -> rows.add(new LabelPlan.Candidate(row.row(), rate(row))));
        return LabelPlan.of(rows, count, LabelPlan.seedOf(dataset.name(), dataset.size()));
    }

    /**
     * The judge against people on each side of {@code split}, over every row of the run, worked examples included
     * (they are what the example side is about); empty when the split holds nothing out.
     */
    public Optional<HeldOutAgreement> heldOut(List<RowResult> rows, HeldOutSplit split) {
        if (!split.holdsOut()) {
            return Optional.empty();
        }
        List<RatedRow> heldOut = new ArrayList<>();
        List<RatedRow> examples = new ArrayList<>();
        rows.forEach(row -> (split.heldOut(row.row()) ? heldOut : examples).add(rate(row)));
        return Optional.of(HeldOutAgreement.of(split.share(), heldOut, examples, Bootstrap.standard()));
    }

    public List<RatedRow> rateAll(List<RowResult> rows) {
        List<RatedRow> rated = new ArrayList<>(rows.size());
        rows.forEach(row -> rated.add(rate(row)));
        return rated;
    }

    /** The dataset's human score of the row; empty without one or when the cell is unreadable (see problems). */
    public OptionalInt datasetScore(int row) {
        try {
            return columns.humanScore(dataset, row);
        } catch (IllegalArgumentException e) {
            return OptionalInt.empty();
        }
    }

    private TruthMatch datasetVerdict(int row) {
        try {
            Optional<Boolean> right = columns.humanVerdict(dataset, row);
            return right.map(r -> r ? TruthMatch.RIGHT : TruthMatch.WRONG).orElse(TruthMatch.NOT_SCORED);
        } catch (IllegalArgumentException e) {
            return TruthMatch.NOT_SCORED;
        }
    }

    /**
     * Human cells the run could not count, in plain words naming row and column: a score that is not a whole
     * number or lies off the scale, a verdict that is neither Correct nor Incorrect. Empty when all read.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (columns.humanScore() == null && columns.humanVerdict() == null && columns.humanPreference() == null) {
            return problems; // nothing to read; Run asks on the window's thread, so 50,000 rows are not walked
        }
        int bad = 0;
        ScoreScale scale = scheme instanceof ScoreScheme score ? score.scale() : null;
        for (int row = 0; row < dataset.size(); row++) {
            String problem = problem(row, scale);
            if (problem != null && bad++ < NAMED) {
                problems.add(problem);
            }
        }
        if (bad > NAMED) {
            problems.add("… and " + (bad - NAMED) + " more rows with unreadable human judgements");
        }
        return problems;
    }

    private String problem(int row, ScoreScale scale) {
        try {
            OptionalInt score = columns.humanScore(dataset, row);
            if (score.isPresent() && scale != null && !scale.contains(score.getAsInt())) {
                return "Row " + (row + 1) + " of " + dataset.name() + ": human score " + score.getAsInt()
                        + " in column '" + columns.humanScore() + "' is off the scale " + scale;
            }
            columns.humanVerdict(dataset, row);
            humanPreference(row);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
