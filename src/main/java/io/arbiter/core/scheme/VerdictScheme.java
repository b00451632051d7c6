package io.arbiter.core.scheme;

import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.llm.OutputSchema;
import io.arbiter.core.metrics.AgreementCell;
import io.arbiter.core.metrics.JudgeReport;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.metrics.TruthMatch;
import io.arbiter.core.prompt.FewShotExample;
import io.arbiter.core.prompt.Placeholder;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.JudgeOutputParser;
import io.arbiter.core.verdict.JudgeVerdict;
import io.arbiter.core.verdict.Judgement;
import java.util.List;
import java.util.Optional;

/**
 * The judge names the label it would give the row itself and says whether the base answer is Correct or Incorrect
 * ({@code Prediction,Evaluation}); it is checked against the truth about the base answer, from the ground truth or a
 * person. The genre notebook's scheme, and the one every run recorded before schemes were.
 */
public final class VerdictScheme implements JudgeScheme {

    public static final VerdictScheme INSTANCE = new VerdictScheme();

    /**
     * The verdict as JSON. Reasoning comes first because a model writes the properties in the schema's order: the
     * verdict then follows from the reasoning instead of being justified after the fact.
     */
    private static final OutputSchema SCHEMA = new OutputSchema(
            "verdict",
            """
            {"type": "object",
             "properties": {
               "reasoning": {"type": "string"},
               "prediction": {"type": "string"},
               "evaluation": {"type": "string", "enum": ["Correct", "Incorrect"]}},
             "required": ["reasoning", "prediction", "evaluation"],
             "additionalProperties": false}
            """);

    private VerdictScheme() {}

    @Override
    public String id() {
        return "verdict";
    }

    @Override
    public String title() {
        return "Correct / Incorrect verdict";
    }

    @Override
    public List<String> placeholders() {
        return List.of(Placeholder.BASE_ANSWER, Placeholder.LABELS, Placeholder.EXAMPLES);
    }

    /** {@code {"reasoning": …, "prediction": label, "evaluation": "Correct" | "Incorrect"}}, all required. */
    @Override
    public Optional<OutputSchema> outputSchema() {
        return Optional.of(SCHEMA);
    }

    @Override
    public JudgementReader reader(LabelSet labels) {
        return new JudgeOutputParser(labels)::parse;
    }

    @Override
    public String spell(Judgement judgement) {
        if (!(judgement instanceof JudgeVerdict verdict)) {
            return "";
        }
        return spell(verdict.evaluation());
    }

    /** "Correct", "Incorrect" or "UNPARSED". */
    public static String spell(Evaluation evaluation) {
        return switch (evaluation) {
            case CORRECT -> "Correct";
            case INCORRECT -> "Incorrect";
            case UNPARSED -> "UNPARSED";
        };
    }

    @Override
    public Optional<Boolean> passes(Judgement judgement) {
        return judgement instanceof JudgeVerdict verdict && verdict.parsed()
                ? Optional.of(verdict.evaluation() == Evaluation.CORRECT)
                : Optional.empty();
    }

    @Override
    public Optional<AgreementCell> agreement(RatedRow row) {
        return AgreementCell.of(row);
    }

    /**
     * The judge should name the row's first truth label; without truth, the label it named itself, else the base
     * answer's; and say Correct exactly when the reviewer found the answer right.
     */
    @Override
    public FewShotExample example(
            int row, List<String> truth, BaseAnswer base, Judgement judgement, HumanVerdict human, String judged) {
        String expected = !truth.isEmpty()
                ? truth.get(0)
                : judgement instanceof JudgeVerdict verdict && verdict.parsed()
                        ? verdict.prediction()
                        : base != null && base.parsed() ? base.label() : "";
        return new FewShotExample(row, judged, human.baseRight(), expected);
    }

    @Override
    public String exampleAnswer(FewShotExample example) {
        return example.expectedPrediction() + ","
                + spell(example.baseRight() ? Evaluation.CORRECT : Evaluation.INCORRECT);
    }

    @Override
    public JudgeReport figures(List<RatedRow> rows) {
        return JudgeReport.ofRated(rows);
    }

    @Override
    public List<String> exportColumns() {
        return List.of("judge_prediction", "judge_evaluation", "judge_vs_truth");
    }

    @Override
    public List<String> exportCells(List<String> truth, Judgement judgement) {
        JudgeVerdict verdict = judgement instanceof JudgeVerdict v ? v : null;
        return List.of(
                verdict == null || verdict.prediction() == null ? "" : verdict.prediction(),
                spell(judgement),
                TruthMatch.ofJudge(truth, verdict).spelled());
    }

    @Override
    public List<ReviewMark> reviewMarks() {
        return List.of(new ReviewMark("1", "base answer right", true), new ReviewMark("2", "wrong", false));
    }
}
