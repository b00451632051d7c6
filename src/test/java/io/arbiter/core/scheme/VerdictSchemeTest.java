package io.arbiter.core.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.metrics.AgreementCell;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.metrics.ScoredRow;
import io.arbiter.core.metrics.TruthMatch;
import io.arbiter.core.prompt.FewShotExample;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.JudgeVerdict;
import io.arbiter.core.verdict.Judgement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Correct/Incorrect scheme behind the seam: each of its decisions, on rows worked out by hand. */
class VerdictSchemeTest {

    private static final VerdictScheme SCHEME = VerdictScheme.INSTANCE;
    private static final LabelSet LABELS = new LabelSet(List.of("Drama", "Comedy"));
    private static final HumanVerdict RIGHT = new HumanVerdict(true, "", "ana", Instant.EPOCH, "Drama");

    @Test
    void itReadsTheJudgeAsTheParserDoesAndSpellsEachEvaluationOnce() {
        JudgementReader reader = SCHEME.reader(LABELS);
        Judgement judged = reader.read("Thinking...\nComedy,Incorrect");
        assertEquals(new JudgeVerdict("Thinking...\nComedy,Incorrect", "Comedy", Evaluation.INCORRECT), judged);
        assertEquals("Incorrect", SCHEME.spell(judged));
        assertEquals("UNPARSED", SCHEME.spell(reader.read("no idea")));
        assertEquals("Correct", SCHEME.spell(new JudgeVerdict("Drama,Correct", "Drama", Evaluation.CORRECT)));
    }

    @Test
    void itPassesWhatTheJudgeCallsCorrectAndNothingUnparsed() {
        assertEquals(Optional.of(true), SCHEME.passes(verdict("Drama", Evaluation.CORRECT)));
        assertEquals(Optional.of(false), SCHEME.passes(verdict("Drama", Evaluation.INCORRECT)));
        assertEquals(Optional.empty(), SCHEME.passes(JudgeVerdict.unparsed("?")));
    }

    @Test
    void theAgreementRuleTakesTheTruthFirstAndTheHumanWhereThereIsNone() {
        ScoredRow wrongAnswerAccepted = new ScoredRow(
                List.of("Drama"), new BaseAnswer("Comedy", "Comedy"), verdict("Drama", Evaluation.CORRECT), false);
        assertEquals(Optional.of(AgreementCell.FALSE_ACCEPT), SCHEME.agreement(RatedRow.of(wrongAnswerAccepted)));
        assertEquals(Optional.of(false), SCHEME.agreesWithTruth(RatedRow.of(wrongAnswerAccepted)));

        ScoredRow noTruth = new ScoredRow(
                List.of(), new BaseAnswer("Comedy", "Comedy"), verdict("Comedy", Evaluation.CORRECT), false);
        assertEquals(Optional.empty(), SCHEME.agreement(RatedRow.of(noTruth)));
        RatedRow humanSaysRight = new RatedRow(noTruth, TruthMatch.RIGHT);
        assertEquals(Optional.of(AgreementCell.TRUE_ACCEPT), SCHEME.agreement(humanSaysRight));
        assertEquals(Optional.empty(), SCHEME.agreesWithTruth(humanSaysRight), "the human is not the ground truth");
    }

    @Test
    void aWorkedExampleNamesTheFirstTruthLabelElseTheJudgesElseTheAnswers() {
        BaseAnswer drama = new BaseAnswer("Drama", "Drama");
        assertEquals(
                new FewShotExample(4, "Drama", true, "Drama"),
                SCHEME.example(4, List.of("Drama", "Comedy"), drama, null, RIGHT, "Drama"));
        assertEquals(
                "Comedy",
                SCHEME.example(4, List.of(), drama, verdict("Comedy", Evaluation.INCORRECT), RIGHT, "Drama")
                        .expectedPrediction());
        assertEquals(
                "Drama",
                SCHEME.example(4, List.of(), drama, JudgeVerdict.unparsed("?"), RIGHT, "Drama")
                        .expectedPrediction());
        assertEquals("Drama,Correct", SCHEME.exampleAnswer(new FewShotExample(4, "Drama", true, "Drama")));
        assertEquals("Comedy,Incorrect", SCHEME.exampleAnswer(new FewShotExample(4, "Drama", false, "Comedy")));
    }

    @Test
    void itsExportCellsFollowItsColumns() {
        assertEquals(List.of("judge_prediction", "judge_evaluation", "judge_vs_truth"), SCHEME.exportColumns());
        assertEquals(
                List.of("Comedy", "Incorrect", "wrong"),
                SCHEME.exportCells(List.of("Drama"), verdict("Comedy", Evaluation.INCORRECT)));
        assertEquals(List.of("", "UNPARSED", ""), SCHEME.exportCells(List.of("Drama"), JudgeVerdict.unparsed("?")));
    }

    @Test
    void reviewMarksAreOneKeyEach() {
        List<ReviewMark> marks = SCHEME.reviewMarks();
        assertEquals(2, marks.stream().map(ReviewMark::key).distinct().count());
        assertTrue(marks.stream().anyMatch(ReviewMark::baseRight));
        assertTrue(marks.stream().anyMatch(mark -> !mark.baseRight()));
    }

    @Test
    void schemesAreFoundByTheIdARunRecords() {
        assertSame(SCHEME, JudgeSchemes.byId("verdict"));
        assertSame(JudgeSchemes.DEFAULT, JudgeSchemes.byId(null), "runs recorded before schemes");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> JudgeSchemes.byId("elo"));
        assertTrue(unknown.getMessage().contains("'elo'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("verdict"), unknown.getMessage());
    }

    private static JudgeVerdict verdict(String prediction, Evaluation evaluation) {
        return new JudgeVerdict(prediction + "," + evaluation, prediction, evaluation);
    }

    @Test
    void itAsksForReasoningThenPredictionAndEvaluationStrictly() throws Exception {
        com.fasterxml.jackson.databind.JsonNode schema =
                VerdictScheme.INSTANCE.outputSchema().orElseThrow().schema();

        assertEquals("object", schema.get("type").asText());
        assertEquals(
                List.of("reasoning", "prediction", "evaluation"),
                List.copyOf(schema.get("properties").properties().stream()
                        .map(java.util.Map.Entry::getKey)
                        .toList()),
                "reasoning first, so the verdict follows from it");
        assertEquals(
                "[\"reasoning\",\"prediction\",\"evaluation\"]",
                schema.get("required").toString());
        assertEquals(
                "[\"Correct\",\"Incorrect\"]",
                schema.at("/properties/evaluation/enum").toString());
        assertEquals(false, schema.get("additionalProperties").asBoolean());
        JudgementReader reader = VerdictScheme.INSTANCE.reader(new LabelSet(List.of("Crime", "Drama")));
        assertEquals(
                new JudgeVerdict(
                        "{\"reasoning\":\"\",\"prediction\":\"Crime\",\"evaluation\":\"Correct\"}",
                        "Crime",
                        Evaluation.CORRECT),
                reader.read("{\"reasoning\":\"\",\"prediction\":\"Crime\",\"evaluation\":\"Correct\"}"),
                "its reader reads what its schema asks for");
    }
}
