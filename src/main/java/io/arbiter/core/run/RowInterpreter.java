package io.arbiter.core.run;

import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.dataset.TaskKind;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.JudgementReader;
import io.arbiter.core.verdict.AnswerNormalizer;
import io.arbiter.core.verdict.BaseAnswer;
import java.util.function.Function;

/**
 * The one place a reply becomes part of a row's outcome: the base answer matched to a label, the judge's output read
 * by the run's grading scheme; a failed request keeps its error and reads nothing. The engine uses it as replies
 * arrive and the project when it rebuilds a stored run, so a row reads the same live and afterwards.
 */
public final class RowInterpreter {

    private final Function<String, BaseAnswer> baseReader;
    private final JudgementReader reader;

    /** An interpreter for a classifying task. */
    public RowInterpreter(JudgeScheme scheme, LabelSet labels) {
        this(scheme, labels, TaskKind.CLASSIFY);
    }

    /** A classifying task's answers are matched to {@code labels}; a generating task's are kept whole. */
    public RowInterpreter(JudgeScheme scheme, LabelSet labels, TaskKind task) {
        this.baseReader = task == TaskKind.GENERATE ? BaseAnswer::freeText : new AnswerNormalizer(labels)::normalize;
        this.reader = scheme.reader(labels);
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
        return row.withJudge(outcome, outcome.answered() ? reader.read(outcome.text()) : null);
    }

    /** The row with the outcome of {@code stage}. */
    public RowResult apply(Stage stage, RowResult row, StageOutcome outcome) {
        return stage == Stage.BASE ? base(row, outcome) : judge(row, outcome);
    }
}
