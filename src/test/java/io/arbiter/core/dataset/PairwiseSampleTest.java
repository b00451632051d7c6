package io.arbiter.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.prompt.PromptTemplate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The third bundled sample: two support replies per question, a reference, and a person's preference. */
class PairwiseSampleTest {

    @Test
    void everyRowHasTwoDifferentAnswersAReferenceAndAPreference() throws Exception {
        Dataset pairs = Samples.pairwise();
        assertEquals(
                List.of("id", "question", "answer_a", "answer_b", "reference", "human_preference"), pairs.columns());
        assertEquals(60, pairs.size());
        Map<String, Integer> preferences = new HashMap<>();
        for (int row = 0; row < pairs.size(); row++) {
            assertNotEquals(pairs.value(row, "answer_a"), pairs.value(row, "answer_b"), "row " + row);
            assertTrue(!pairs.value(row, "reference").isBlank(), "reference at row " + row);
            preferences.merge(pairs.value(row, "human_preference"), 1, Integer::sum);
        }
        // Counted from the file: 19 rows prefer A, 31 B, and 10 (one in six) are ties.
        assertEquals(Map.of("A", 19, "B", 31, "tie", 10), preferences);
    }

    @Test
    void theBundledPromptsUseThePairwisePlaceholdersAndTheTwoBasePromptsDiffer() {
        PromptTemplate judge = new PromptTemplate(Samples.text(Samples.PAIRWISE_JUDGE_PROMPT));
        assertEquals(Set.of("question", "reference", "answer_a", "answer_b"), judge.placeholders());
        assertTrue(judge.hasUserPart());
        String judgeText = Samples.text(Samples.PAIRWISE_JUDGE_PROMPT);
        assertTrue(judgeText.contains("[[A]]") && judgeText.contains("[[B]]") && judgeText.contains("[[C]]"));

        assertEquals(Samples.text(Samples.SUPPORT_BASE_PROMPT), Samples.text(Samples.PAIRWISE_BASE_PROMPT));
        PromptTemplate b = new PromptTemplate(Samples.text(Samples.PAIRWISE_BASE_PROMPT_B));
        assertEquals(Set.of("question"), b.placeholders());
        assertTrue(Samples.text(Samples.PAIRWISE_BASE_PROMPT_B).contains("briefly"));
    }
}
