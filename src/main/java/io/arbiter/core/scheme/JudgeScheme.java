package io.arbiter.core.scheme;

import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.llm.OutputSchema;
import io.arbiter.core.metrics.AgreementCell;
import io.arbiter.core.metrics.JudgeReport;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.metrics.ScoredRow;
import io.arbiter.core.metrics.TruthMatch;
import io.arbiter.core.prompt.FewShotExample;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.Judgement;
import io.arbiter.core.verdict.Preference;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A way of grading with a judge: what the judge is given, how its output is read, how what it said compares with
 * the truth or a person, how a worked example shows it, which figures it yields, which columns it exports and how a
 * reviewer marks a row. Every run records its scheme's {@link #id}, and every part of the app that depends on the
 * grading asks the run's scheme instead of knowing Correct/Incorrect. {@link VerdictScheme} is the first.
 */
public interface JudgeScheme {

    /** The name a run records and the CLI takes ({@code --scheme}); never changes once released. */
    String id();

    /** How the workbench and the CLI name the scheme to a person. */
    String title();

    /**
     * The scheme with its settings, as a run records it and {@link JudgeSchemes#parse} reads it back: the id alone
     * for a scheme without settings, "score:1-5:4" for a scale and a pass mark.
     */
    default String setting() {
        return id();
    }

    /** What the scheme fills in the judge prompt, by placeholder: the scale a scoring judge scores on. */
    default java.util.Map<String, String> promptValues() {
        return java.util.Map.of();
    }

    /** The placeholders the scheme fills in the judge prompt beside the dataset's columns. */
    List<String> placeholders();

    /**
     * The JSON schema the judge is asked to answer in where the provider profile allows ({@code response_format});
     * empty when the scheme only reads text. Its {@link #reader} must read a reply in this schema as well as text.
     */
    default Optional<OutputSchema> outputSchema() {
        return Optional.empty();
    }

    /** The reader of the judge's output for a run over {@code labels}; made once per run, used for every row. */
    JudgementReader reader(LabelSet labels);

    /** The one spelling of a judgement: the table, the row detail, the compare screen and the export show this. */
    String spell(Judgement judgement);

    /** Whether the judgement passes the base answer (Correct, a score at the pass mark); empty when unparsed. */
    Optional<Boolean> passes(Judgement judgement);

    /**
     * The agreement rule: where the row's judgement falls against the truth about its base answer (the ground truth
     * where it decides, else the human). Empty when the row is not counted: something unparsed or nothing to
     * compare with.
     */
    Optional<AgreementCell> agreement(RatedRow row);

    /** True when reviewed rows can be promoted into its judge prompt as worked examples. */
    default boolean takesExamples() {
        return true;
    }

    /** True when the judge compares two answers per row, so screens and exports show both and a preference. */
    default boolean pairs() {
        return false;
    }

    /** True when the judge and people give scores, so screens and exports show them. */
    default boolean scores() {
        return false;
    }

    /**
     * The row as the figures count it, with what people said about its base answer: a verdict (from the dataset or
     * a reviewer), or a score, which a scoring scheme turns into pass or fail at its pass mark.
     */
    default RatedRow rate(ScoredRow scored, TruthMatch humanVerdict, OptionalInt humanScore) {
        return new RatedRow(scored, humanVerdict);
    }

    /** As above, with the preference a person gave between a pair's answers (null when none), for a pairwise scheme. */
    default RatedRow rate(
            ScoredRow scored, TruthMatch humanVerdict, OptionalInt humanScore, Preference humanPreference) {
        return rate(scored, humanVerdict, humanScore);
    }

    /** Whether the judge agrees with the ground truth alone on this row; empty when that cannot be told. */
    default Optional<Boolean> agreesWithTruth(RatedRow row) {
        return agreement(RatedRow.of(row.scored())).map(AgreementCell::agrees);
    }

    /**
     * The worked example a reviewed row becomes when promoted: what the judge is shown and what it should answer.
     *
     * @param truth     the row's ground-truth labels
     * @param base      the row's base answer as read, null when it has none
     * @param judgement what the judge last said, null when it has not
     * @param human     the reviewer's verdict that makes the row an example
     * @param judged    the base answer the reviewer judged
     */
    FewShotExample example(
            int row, List<String> truth, BaseAnswer base, Judgement judgement, HumanVerdict human, String judged);

    /** The answer a worked example shows after the judge's own prompt for its row. */
    String exampleAnswer(FewShotExample example);

    /** Every figure over the rows that count (see {@code RowScope}), with intervals. */
    JudgeReport figures(List<RatedRow> rows);

    /** The columns the scheme adds to the results CSV, after the base answer's. */
    List<String> exportColumns();

    /** A row's cells in {@link #exportColumns}, in order. */
    List<String> exportCells(List<String> truth, Judgement judgement);

    /** The marks a reviewer gives a row, each on its own key. */
    List<ReviewMark> reviewMarks();
}
