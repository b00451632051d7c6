package io.arbiter.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.prompt.PromptTemplate;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The second bundled sample: support replies with references and human scores, read as a user's file would be. */
class SupportSampleTest {

    private static final Path FILE = Path.of("samples", "support", "support.csv");

    @Test
    void theImporterReadsEveryRowWithNothingWorkedAround() throws Exception {
        ImportSettings settings = DatasetImporter.detect(FILE);
        ImportResult result = DatasetImporter.read(FILE, settings, ImportProgress.NONE, () -> false);
        Dataset support = result.dataset();

        assertEquals(List.of("id", "question", "answer", "reference", "human_score"), support.columns());
        assertEquals(',', result.resolved().delimiter());
        assertTrue(result.problems().isEmpty(), result.problems().toString());
        assertEquals(72, support.size());
        Set<String> ids = new HashSet<>();
        for (int row = 0; row < support.size(); row++) {
            assertTrue(ids.add(support.value(row, "id")), "duplicate id at row " + row);
            assertFalse(support.value(row, "question").isBlank(), "question at row " + row);
            assertFalse(support.value(row, "reference").isBlank(), "reference at row " + row);
        }
        // Quoted cells keep their quotes and line breaks (RFC 4180).
        assertTrue(support.value(6, "answer").contains("\"WiFi settings\""), support.value(6, "answer"));
        assertEquals(3, support.value(21, "answer").lines().count(), support.value(21, "answer"));
    }

    @Test
    void humanScoresSpreadOverTheWholeScale() throws Exception {
        Dataset support = Samples.support();
        int[] counts = new int[6];
        for (int row = 0; row < support.size(); row++) {
            int score = Integer.parseInt(support.value(row, "human_score"));
            assertTrue(score >= 1 && score <= 5, "score " + score + " at row " + row);
            counts[score]++;
        }
        // Counted by hand from the file: 8 ones, 12 twos, 17 threes, 21 fours, 14 fives.
        assertEquals(List.of(8, 12, 17, 21, 14), List.of(counts[1], counts[2], counts[3], counts[4], counts[5]));
    }

    @Test
    void theBundledPromptsUseTheSamplesColumnsAndTheScoringPlaceholders() throws Exception {
        Dataset support = Samples.support();
        PromptTemplate base = new PromptTemplate(Samples.text(Samples.SUPPORT_BASE_PROMPT));
        PromptTemplate judge = new PromptTemplate(Samples.text(Samples.SUPPORT_JUDGE_PROMPT));

        assertEquals(Set.of("question"), base.placeholders());
        assertEquals(Set.of("scale", "question", "reference", "base_answer"), judge.placeholders());
        assertTrue(base.hasUserPart() && judge.hasUserPart());
        assertTrue(support.hasColumn("question") && support.hasColumn("reference"));
    }
}
