package io.arbiter.core.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.arbiter.core.dataset.LabelSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class JudgeOutputParserTest {

    private static final LabelSet GENRES = new LabelSet(
            List.of("Action", "Comedy", "Crime", "Drama", "Film-Noir", "Sci-Fi", "Thriller", "War", "Western"));

    private final JudgeOutputParser parser = new JudgeOutputParser(GENRES);

    @ParameterizedTest(name = "[{index}] <{0}> reads {1},{2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "Drama,Correct                           | Drama     | CORRECT",
                "drama , incorrect.                      | Drama     | INCORRECT",
                "Sci-Fi,Correct                          | Sci-Fi    | CORRECT",
                "Answer: Film-Noir,Incorrect             | Film-Noir | INCORRECT",
                "Final answer: war, CORRECT              | War       | CORRECT",
                "\"Thriller, Incorrect\"                 | Thriller  | INCORRECT",
                "**Comedy,Correct**                      | Comedy    | CORRECT",
                "**Final answer:** `Crime`, **Incorrect** | Crime    | INCORRECT",
                "Prediction: Drama, Evaluation: Correct  | Drama     | CORRECT",
                "prediction: western,evaluation: incorrect. | Western | INCORRECT",
            })
    void predictionAndEvaluationAreReadDespiteDecoration(String raw, String prediction, Evaluation evaluation) {
        JudgeVerdict verdict = parser.parse(raw);

        assertEquals(new JudgeVerdict(raw, prediction, evaluation), verdict);
    }

    @Test
    void reasoningOverSeveralLinesIsSkippedForTheLastLineThatParses() {
        String raw =
                """
                The synopsis mentions a heist, a detective and a corrupt mayor.
                The base answer, Drama, misses the crime plot.

                Crime,Incorrect
                """;

        JudgeVerdict verdict = parser.parse(raw);

        assertEquals("Crime", verdict.prediction());
        assertEquals(Evaluation.INCORRECT, verdict.evaluation());
        assertEquals(raw, verdict.raw());
    }

    @Test
    void lastParsableLineWinsOverAnEarlierOne() {
        JudgeVerdict verdict = parser.parse("Drama,Correct\nOn reflection:\nCrime,Incorrect\nThat is final.");

        assertEquals("Crime", verdict.prediction());
        assertEquals(Evaluation.INCORRECT, verdict.evaluation());
    }

    @Test
    void labelledPredictionAndEvaluationOnTheLastTwoLinesAreRead() {
        JudgeVerdict verdict = parser.parse("The plot is a heist.\n**Prediction:** Crime\n**Evaluation:** Incorrect\n");

        assertEquals("Crime", verdict.prediction());
        assertEquals(Evaluation.INCORRECT, verdict.evaluation());
    }

    @Test
    void unlabelledPredictionAndEvaluationOnSeparateLinesAreNotGuessedTogether() {
        assertEquals(Evaluation.UNPARSED, parser.parse("Drama\nCorrect").evaluation());
        assertEquals(
                Evaluation.UNPARSED,
                parser.parse("Evaluation: Correct\nPrediction: Drama").evaluation());
    }

    @ParameterizedTest(name = "[{index}] <{0}> is UNPARSED")
    @ValueSource(
            strings = {
                "Drama",
                "Correct",
                "Drama,Maybe",
                "Superhero,Correct",
                "Crime drama,Correct",
                "Drama,Correct-ish",
                ",Correct",
                "Drama,",
                "Drama Correct",
                "Drama;Correct",
                "Drama - Correct",
                "",
                "  ",
                "\n\n"
            })
    void outputNotInTheFormatIsUnparsed(String raw) {
        JudgeVerdict verdict = parser.parse(raw);

        assertEquals(JudgeVerdict.unparsed(raw), verdict);
        assertFalse(verdict.parsed());
    }

    @ParameterizedTest
    @NullSource
    void nullOutputIsUnparsed(String raw) {
        JudgeVerdict verdict = parser.parse(raw);

        assertEquals(Evaluation.UNPARSED, verdict.evaluation());
        assertNull(verdict.prediction());
        assertNull(verdict.raw());
    }

    @Test
    void splitIsAtTheLastCommaSoALabelMayContainOne() {
        JudgeOutputParser withCommas = new JudgeOutputParser(new LabelSet(List.of("Action, Adventure", "Drama")));

        JudgeVerdict verdict = withCommas.parse("Action, Adventure,Correct");

        assertEquals("Action, Adventure", verdict.prediction());
        assertEquals(Evaluation.CORRECT, verdict.evaluation());
    }

    @Test
    void withoutLabelsAnyNonEmptyPredictionIsAccepted() {
        JudgeOutputParser free = new JudgeOutputParser(LabelSet.empty());

        assertEquals(
                new JudgeVerdict("Documentary, correct", "Documentary", Evaluation.CORRECT),
                free.parse("Documentary, correct"));
        assertEquals("Documentary", free.parse("Answer: Documentary,Incorrect").prediction());
        assertEquals(Evaluation.UNPARSED, free.parse(",Correct").evaluation());
        assertEquals(Evaluation.UNPARSED, free.parse("Documentary,Perhaps").evaluation());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "{\"reasoning\": \"A heist and a detective.\", \"prediction\": \"Crime\", \"evaluation\": \"Incorrect\"}",
                "{\"prediction\":\"crime\",\"evaluation\":\"incorrect\",\"reasoning\":\"\"}",
                "{\"Prediction\": \"Answer: Crime\", \"Evaluation\": \"Incorrect.\"}",
                "Here is my verdict:\n```json\n{\"prediction\": \"Crime\",\n \"evaluation\": \"Incorrect\"}\n```",
                "Drama,Correct was my first thought.\n{\"prediction\": \"Crime\", \"evaluation\": \"Incorrect\"}",
            })
    void aStructuredReplyIsReadBareOrFencedWithTheTextsForgiveness(String raw) {
        JudgeVerdict verdict = parser.parse(raw);

        assertEquals(new JudgeVerdict(raw, "Crime", Evaluation.INCORRECT), verdict);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "{\"reasoning\": \"I cannot decide.\", \"prediction\": \"\", \"evaluation\": \"Incorrect\"}",
                "{\"prediction\": \"Musical\", \"evaluation\": \"Correct\"}",
                "{\"prediction\": \"Drama\", \"evaluation\": \"Maybe\"}",
                "{\"prediction\": \"Drama\", \"evaluation\": true}",
                "{\"prediction\": \"Drama\"}",
                "{\"reasoning\": \"Drama, Correct would be too kind.\", \"prediction\": \"Opera\", \"evaluation\": \"Correct\"}",
            })
    void aStructuredReplyWithoutALabelAndAnEvaluationIsUnparsedNeverGuessed(String raw) {
        assertEquals(Evaluation.UNPARSED, parser.parse(raw).evaluation(), raw);
    }

    @Test
    void aStructuredReplyKeepsItsLabelWhenOnlyTheEvaluationDoesNotRead() {
        // Judge vs truth reads the label, not the verdict: the row counts there though its verdict is unparsed.
        String raw = "{\"prediction\": \"drama\", \"evaluation\": \"Maybe\"}";
        assertEquals(new JudgeVerdict(raw, "Drama", Evaluation.UNPARSED), parser.parse(raw));
    }

    @Test
    void braceInProseOrAnObjectWithoutAnEvaluationLeavesTheTextToDecide() {
        assertEquals(
                new JudgeVerdict("{not json}\nDrama,Correct", "Drama", Evaluation.CORRECT),
                parser.parse("{not json}\nDrama,Correct"));
        assertEquals(
                "Drama",
                parser.parse("{\"confidence\": \"high\"}\nDrama,Correct").prediction());
    }
}
