package io.arbiter.core.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.LabelSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerNormalizerTest {

    private static final LabelSet GENRES = new LabelSet(
            List.of("Action", "Comedy", "Crime", "Drama", "Film-Noir", "Sci-Fi", "Thriller", "War", "Western"));

    private final AnswerNormalizer normalizer = new AnswerNormalizer(GENRES);

    @ParameterizedTest(name = "[{index}] <{0}> names {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "Drama              | Drama",
                "~ drama.~          | Drama",
                "' drama.'          | Drama",
                "'Sci-fi'           | Sci-Fi",
                "\"Sci-fi\"         | Sci-Fi",
                "“Thriller”         | Thriller",
                "‘western’          | Western",
                "`Crime`            | Crime",
                "**Comedy**         | Comedy",
                "**Comedy.**        | Comedy",
                "FILM-NOIR!         | Film-Noir",
                "Answer: War        | War",
                "answer:war         | War",
                "Genre: **Film-Noir** | Film-Noir",
                "**Answer:** Action | Action",
                "Final answer: 'Crime'. | Crime",
                "- Drama            | Drama",
                "«Crime»            | Crime",
                "(Drama)            | Drama",
            })
    void cleanedAnswerNamesTheLabelAsSpelledInTheSet(String raw, String label) {
        assertEquals(label, normalizer.normalize(raw).label());
    }

    @Test
    void answerFollowedByAnExplanationIsReadFromItsFirstLine() {
        BaseAnswer answer = normalizer.normalize("Drama\n\nThe synopsis centres on a family secret, not a crime.");

        assertEquals("Drama", answer.label());
    }

    @Test
    void leadInOnTheFirstLineIsRemovedBeforeMatching() {
        assertEquals(
                "War",
                normalizer.normalize("\nAnswer: War\nBecause of the trenches.").label());
    }

    @ParameterizedTest(name = "[{index}] <{0}> is UNPARSED")
    @ValueSource(
            strings = {
                "Crime drama",
                "Drama, Crime",
                "Drama (the film is about grief)",
                "1. Drama",
                "Superhero",
                "Answer: Crime drama",
                "The genre is Drama",
                "",
                "   ",
                "\n\t",
                "**",
                "Sci Fi"
            })
    void answerThatNamesNoLabelExactlyStaysUnparsed(String raw) {
        BaseAnswer answer = normalizer.normalize(raw);

        assertNull(answer.label());
        assertFalse(answer.parsed());
        assertEquals(raw, answer.raw());
    }

    @ParameterizedTest
    @NullSource
    void nullAnswerIsUnparsed(String raw) {
        BaseAnswer answer = normalizer.normalize(raw);

        assertNull(answer.raw());
        assertNull(answer.label());
    }

    @Test
    void rawTextIsKeptVerbatim() {
        String raw = "  **drama**.\r\n";

        BaseAnswer answer = normalizer.normalize(raw);

        assertEquals(raw, answer.raw());
        assertEquals("Drama", answer.label());
        assertTrue(answer.parsed());
    }

    @Test
    void labelEndingInPunctuationStillMatchesAsWritten() {
        AnswerNormalizer withDots = new AnswerNormalizer(new LabelSet(List.of("U.S.", "U.K.")));

        assertEquals("U.S.", withDots.normalize("u.s.").label());
        assertEquals("U.K.", withDots.normalize("'U.K.'").label());
    }

    @Test
    void withoutLabelsTheCleanedAnswerIsTheLabel() {
        AnswerNormalizer free = new AnswerNormalizer(LabelSet.empty());

        assertEquals("Documentary", free.normalize("  'Documentary'. ").label());
        assertEquals("Crime drama", free.normalize("**Crime drama**").label());
        assertEquals("Documentary", free.normalize("Answer: Documentary").label());
        assertNull(free.normalize(" ** ").label());
        assertNull(free.normalize("").label());
        assertNull(free.normalize(null).label());
    }
}
