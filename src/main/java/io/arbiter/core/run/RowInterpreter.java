package io.arbiter.core.run;

import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.dataset.TaskKind;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.JudgementReader;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.core.verdict.AnswerNormalizer;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.PairJudgement;
import java.util.function.Function;

/**
 * The one place a reply becomes part of a row's outcome: the base answer matched to a label, the judge's output read
 * by the run's grading scheme; a failed request keeps its error and reads nothing. The engine uses it as replies
 * arrive and the project when it rebuilds a stored run, so a row reads the same live and afterwards.
 */
public final class RowInterpreter {

    private final Function<String, BaseAnswer> baseReader;
    private final JudgementReader reader;
    /** The pairwise scheme reading each order of a pair; null for a run of one answer per row. */
    private final PairwiseScheme pairs;

    /** An interpreter for a classifying task. */
    public RowInterpreter(JudgeScheme scheme, LabelSet labels) {
        this(scheme, labels, TaskKind.CLASSIFY);
    }

    /** A classifying task's answers are matched to {@code labels}; a generating task's are kept whole. */
    public RowInterpreter(JudgeScheme scheme, LabelSet labels, TaskKind task) {
        this.baseReader = task == TaskKind.GENERATE ? BaseAnswer::freeText : new AnswerNormalizer(labels)::normalize;
        this.reader = scheme.reader(labels);
        this.pairs = scheme instanceof PairwiseScheme p ? p : null;
    }

    public static RowInterpreter of(RunSpec spec) {
        return new RowInterpreter(spec.scheme(), spec.labels(), spec.mapping().task());
    }

    /** The row with its base stage's outcome. */
    public RowResult base(RowResult row, StageOutcome outcome) {
        return row.withBase(outcome, outcome.answered() ? baseReader.apply(outcome.text()) : null);
    }

    /** The row with an answer already in the dataset (judge-only runs): free, and read like any other. */
    public RowResult existingAnswer(RowResult row, String answer) {
        return base(row, StageOutcome.answered(answer, Usage.NONE));
    }

    /** The row with its judge stage's outcome. */
    public RowResult judge(RowResult row, StageOutcome outcome) {
        return judge(Stage.JUDGE, row, outcome);
    }

    /** The row with one of its judge stages' outcome: the judge's, or a vote of a jury or of repeats. */
    public RowResult judge(Stage vote, RowResult row, StageOutcome outcome) {
        if (row.voting()) {
            return row.withVote(vote, outcome, outcome.answered() ? reader.read(outcome.text()) : null);
        }
        if (vote != Stage.JUDGE) {
            throw new IllegalStateException("Row " + row.row() + " is judged once, so it has no " + vote.title());
        }
        if (row.paired()) {
            RowResult judged = row.withJudge(outcome, null);
            return judged.withPair(judged.pair(), pairJudgement(judged));
        }
        return row.withJudge(outcome, outcome.answered() ? reader.read(outcome.text()) : null);
    }

    /** The row with the outcome of {@code stage}. */
    public RowResult apply(Stage stage, RowResult row, StageOutcome outcome) {
        return switch (stage.kind()) {
            case BASE -> base(row, outcome);
            case JUDGE -> judge(stage, row, outcome);
            case BASE_B -> row.withPair(pairOf(row).withBaseB(outcome), row.judgement());
            case JUDGE_BA -> {
                RowResult judged = row.withPair(pairOf(row).withJudgeBA(outcome), row.judgement());
                yield judged.withPair(judged.pair(), pairJudgement(judged));
            }
        };
    }

    /** The row with answer B already in the dataset: free, like an existing answer A. */
    public RowResult existingAnswerB(RowResult row, String answer) {
        return apply(Stage.BASE_B, row, StageOutcome.answered(answer, Usage.NONE));
    }

    private static PairStages pairOf(RowResult row) {
        if (!row.paired()) {
            throw new IllegalStateException("Row " + row.row() + " is not part of a pairwise run");
        }
        return row.pair();
    }

    /** Both orders read as they stand; null until either is answered. */
    private PairJudgement pairJudgement(RowResult row) {
        if (pairs == null) {
            throw new IllegalStateException("A pair's row read by a scheme that does not compare pairs");
        }
        StageOutcome aFirst = row.judge();
        StageOutcome bFirst = row.pair().judgeBA();
        if (!aFirst.answered() && !bFirst.answered()) {
            return null;
        }
        return new PairJudgement(
                aFirst.answered() ? pairs.read(aFirst.text()) : null,
                bFirst.answered() ? pairs.read(bFirst.text()) : null,
                row.pair().swapped());
    }
}
