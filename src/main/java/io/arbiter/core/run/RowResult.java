package io.arbiter.core.run;

import io.arbiter.core.metrics.ScoredRow;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.JudgeScore;
import io.arbiter.core.verdict.JudgeVerdict;
import io.arbiter.core.verdict.Judgement;
import java.util.List;

/**
 * Everything a run knows about one dataset row.
 *
 * @param row        index of the row in the dataset
 * @param truth      the row's ground-truth labels (empty without a truth column)
 * @param base       the base stage's outcome; in a pairwise run, answer A
 * @param baseAnswer the normalised base answer; null until the base stage has answered
 * @param judge      the judge stage's outcome; in a pairwise run, with A shown first
 * @param judgement  the judge output as the run's scheme read it (a pair's from both orders); null until the judge
 *                   stage has answered
 * @param pair       answer B and the swapped judge of a pairwise run; null for a run of one answer per row
 * @param votes      every judgement of a row judged by a jury or more than once; null for one judge asked once. The
 *                   judge outcome is then the first juror's first vote, and the judgement the jury's majority
 */
public record RowResult(
        int row,
        List<String> truth,
        StageOutcome base,
        BaseAnswer baseAnswer,
        StageOutcome judge,
        Judgement judgement,
        PairStages pair,
        RowVotes votes) {

    public RowResult {
        truth = List.copyOf(truth);
    }

    /** A row of one answer or of a pair, judged by one judge once. */
    public RowResult(
            int row,
            List<String> truth,
            StageOutcome base,
            BaseAnswer baseAnswer,
            StageOutcome judge,
            Judgement judgement,
            PairStages pair) {
        this(row, truth, base, baseAnswer, judge, judgement, pair, null);
    }

    public static RowResult pending(int row, List<String> truth) {
        return new RowResult(row, truth, StageOutcome.PENDING, null, StageOutcome.PENDING, null, null);
    }

    /** A row judged by {@code panel} (a jury, or repeats) before anything is answered. */
    public static RowResult pendingVotes(int row, List<String> truth, JudgePanel panel) {
        return new RowResult(
                row, truth, StageOutcome.PENDING, null, StageOutcome.PENDING, null, null, RowVotes.pending(panel));
    }

    /** A pairwise row before anything is answered; {@code swapped} when the judge is asked in both orders. */
    public static RowResult pendingPair(int row, List<String> truth, boolean swapped) {
        return new RowResult(
                row, truth, StageOutcome.PENDING, null, StageOutcome.PENDING, null, PairStages.pending(swapped));
    }

    /** A row of the run {@code spec} before anything is answered. */
    public static RowResult pending(RunSpec spec, int row) {
        List<String> truth = spec.mapping().truthLabels(spec.dataset(), row);
        if (spec.pairwise()) {
            return pendingPair(row, truth, spec.stages().contains(Stage.JUDGE_BA));
        }
        return spec.panel().single() ? pending(row, truth) : pendingVotes(row, truth, spec.panel());
    }

    public RowResult withBase(StageOutcome outcome, BaseAnswer answer) {
        return new RowResult(row, truth, outcome, answer, judge, judgement, pair, votes);
    }

    public RowResult withJudge(StageOutcome outcome, Judgement parsed) {
        return new RowResult(row, truth, base, baseAnswer, outcome, parsed, pair, votes);
    }

    /** The row with answer B's or the swapped judge's outcome, and the judgement as it now reads. */
    public RowResult withPair(PairStages stages, Judgement parsed) {
        return new RowResult(row, truth, base, baseAnswer, judge, parsed, stages, votes);
    }

    /**
     * The row with a vote's outcome and reading, and its judgement the jury's majority as the votes now stand; the
     * first juror's first vote is also the row's judge outcome.
     */
    public RowResult withVote(Stage vote, StageOutcome outcome, Judgement reading) {
        RowVotes now = votes.with(vote, outcome, reading);
        StageOutcome first = vote == Stage.JUDGE ? outcome : judge;
        return new RowResult(row, truth, base, baseAnswer, first, now.anyAnswered() ? now.jury() : null, pair, now);
    }

    /** True for a row judged by a jury or more than once. */
    public boolean voting() {
        return votes != null;
    }

    /** True for a row of a pairwise run. */
    public boolean paired() {
        return pair != null;
    }

    /** The stages this row goes through, in order (see {@link RunSpec#stages}). */
    public List<Stage> stages() {
        if (votes != null) {
            List<Stage> stages = new java.util.ArrayList<>(votes.stages());
            stages.add(0, Stage.BASE);
            return stages;
        }
        if (pair == null) {
            return List.of(Stage.BASE, Stage.JUDGE);
        }
        return pair.swapped()
                ? List.of(Stage.BASE, Stage.BASE_B, Stage.JUDGE, Stage.JUDGE_BA)
                : List.of(Stage.BASE, Stage.BASE_B, Stage.JUDGE);
    }

    /** The outcome of {@code stage}; PENDING for a pair's stage on a row of one answer. */
    public StageOutcome outcome(Stage stage) {
        return switch (stage.kind()) {
            case BASE -> base;
            case JUDGE -> stage.furtherVote() ? (votes == null ? StageOutcome.PENDING : votes.outcome(stage)) : judge;
            case BASE_B -> pair == null ? StageOutcome.PENDING : pair.baseB();
            case JUDGE_BA -> pair == null ? StageOutcome.PENDING : pair.judgeBA();
        };
    }

    /** Answer B's text; null when the row has none (yet). */
    public String answerB() {
        return pair == null ? null : pair.baseB().text();
    }

    /** Why a row with an empty base answer has no verdict: the judge is not asked about nothing. */
    public static final String NOTHING_TO_JUDGE = "The base answer is empty, so the judge was not asked";

    /** Why a pair with an empty answer has no verdict. */
    public static final String NOTHING_TO_COMPARE = "An answer of the pair is empty, so the judge was not asked";

    /**
     * The row as a finished run leaves it: an empty answer, which the judge is never sent, ends with that as the
     * judge stages' error, so no row ends with neither an answer nor a reason.
     */
    public RowResult settled() {
        boolean emptyB = pair != null && blank(pair.baseB());
        if (!blank(base) && !emptyB) {
            return this;
        }
        String why = pair == null ? NOTHING_TO_JUDGE : NOTHING_TO_COMPARE;
        RowResult settled = this;
        if (votes != null) {
            for (Stage vote : votes.stages()) {
                StageOutcome outcome = settled.outcome(vote);
                if (!outcome.answered() && !outcome.failed()) {
                    settled = settled.withVote(vote, StageOutcome.failed(why), null);
                }
            }
            return settled;
        }
        if (!judge.answered() && !judge.failed()) {
            settled = settled.withJudge(StageOutcome.failed(why), judgement);
        }
        if (pair != null
                && pair.swapped()
                && !pair.judgeBA().answered()
                && !pair.judgeBA().failed()) {
            settled = settled.withPair(settled.pair.withJudgeBA(StageOutcome.failed(why)), settled.judgement);
        }
        return settled;
    }

    private static boolean blank(StageOutcome outcome) {
        return outcome.answered() && outcome.text().isBlank();
    }

    /**
     * True when a request the row's verdict needs failed: any of its requests, except the votes of a jury whose
     * majority they could not have overturned ({@link #outvotesFailedVotes}); those are its errors all the same.
     */
    public boolean failed() {
        return anyFailed() && !outvotesFailedVotes();
    }

    /** True when any of the row's requests failed, a vote the jury outvoted included: the row has an error to show. */
    public boolean anyFailed() {
        for (Stage stage : stages()) {
            if (outcome(stage).failed()) {
                return true;
            }
        }
        return false;
    }

    /**
     * True for a jury's row whose verdict stands though some votes failed: the base answer is in, every other vote
     * answered, and the failed votes, whatever they had said, could not have overturned the majority.
     */
    public boolean outvotesFailedVotes() {
        if (votes == null || !base.answered()) {
            return false;
        }
        boolean someFailed = false;
        for (Stage vote : votes.stages()) {
            StageOutcome outcome = votes.outcome(vote);
            if (!outcome.answered() && !outcome.failed()) {
                return false; // still to be asked: the row is not settled yet
            }
            someFailed |= outcome.failed();
        }
        return someFailed && votes.outvotesFailures();
    }

    /** True when nothing was asked for this row yet: the state {@link #pending(int, List)} makes. */
    public boolean untouched() {
        return base == StageOutcome.PENDING && judge == StageOutcome.PENDING && pair == null && votes == null;
    }

    /** True when every stage of the row has its answer. */
    public boolean answered() {
        for (Stage stage : stages()) {
            if (!outcome(stage).answered()) {
                return false;
            }
        }
        return true;
    }

    /** The judgement as a pass/fail verdict ({@link Judgement#asVerdict}); null before the judge answered. */
    public JudgeVerdict verdict() {
        return judgement == null ? null : judgement.asVerdict();
    }

    /** The row as the figures read it. */
    public ScoredRow scored() {
        return new ScoredRow(
                truth,
                baseAnswer,
                verdict(),
                failed(),
                judgement instanceof JudgeScore s ? s.score() : null,
                judgement);
    }
}
