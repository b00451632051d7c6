package io.arbiter.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromptCheckTest {

    private static final List<String> JUDGE_GETS = io.arbiter.core.scheme.VerdictScheme.INSTANCE.placeholders();

    private static final List<String> COLUMNS = List.of("Title", "Overview", "Genre");

    @Test
    void knownPlaceholdersPass() {
        PromptPair pair =
                PromptPair.of("Pick from {{labels}}: {{Overview}}", "{{Title}} {{Overview}} \"{{base_answer}}\"");
        assertEquals(List.of(), PromptCheck.problems(pair, COLUMNS, JUDGE_GETS));
    }

    @Test
    void unknownColumnIsFlaggedInTheRightPrompt() {
        PromptPair pair = PromptPair.of("{{Overveiw}}", "{{base_answer}} {{Plot}}");
        List<String> problems = PromptCheck.problems(pair, COLUMNS, JUDGE_GETS);
        assertEquals(2, problems.size());
        assertTrue(problems.get(0).startsWith("Base prompt: unknown placeholder {{Overveiw}}"), problems.get(0));
        assertTrue(problems.get(1).startsWith("Judge prompt: unknown placeholder {{Plot}}"), problems.get(1));
    }

    @Test
    void baseAnswerBelongsToTheJudgeOnly() {
        PromptPair pair = PromptPair.of("{{base_answer}}", "{{base_answer}}");
        assertEquals(
                List.of("Base prompt: {{base_answer}} only exists for the judge, after the base model has answered."),
                PromptCheck.problems(pair, COLUMNS, JUDGE_GETS));
    }

    @Test
    void aJudgeThatCannotSeeTheAnswerIsFlagged() {
        PromptPair pair = PromptPair.of("{{Overview}}", "Judge {{Overview}}");
        assertTrue(PromptCheck.problems(pair, COLUMNS, JUDGE_GETS).get(0).contains("never shows the base answer"));
    }

    @Test
    void emptyPromptsAreFlagged() {
        List<String> problems = PromptCheck.problems(PromptPair.of("", " "), COLUMNS, JUDGE_GETS);
        assertEquals("The base prompt is empty.", problems.get(0));
        assertEquals("The judge prompt is empty.", problems.get(1));
    }

    @Test
    void examplesBelongToTheJudge() {
        PromptPair pair = PromptPair.of("{{Overview}} {{examples}}", "{{examples}} {{base_answer}}");
        assertEquals(
                List.of("Base prompt: {{examples}} holds worked examples for the judge; use it in the judge prompt."),
                PromptCheck.problems(pair, COLUMNS, JUDGE_GETS));
    }

    @Test
    void theJudgeMayUseWhatItsSchemeFillsInAndNothingElse() {
        PromptPair pair = PromptPair.of("Genre of {{Overview}}?", "Judge {{base_answer}} on {{scale}}");
        assertEquals(
                List.of(
                        "Judge prompt: unknown placeholder {{scale}} (columns: " + String.join(", ", COLUMNS)
                                + "; also {{labels}}, {{reference}} with a reference column, and {{base_answer}} and {{examples}} in the judge)"),
                PromptCheck.problems(pair, COLUMNS, JUDGE_GETS));
        assertEquals(List.of(), PromptCheck.problems(pair, COLUMNS, List.of("base_answer", "scale")));
    }

    @Test
    void theReferenceIsAPlaceholderOnlyWhenTheMappingNamesItsColumn() {
        io.arbiter.core.dataset.Dataset rows = new io.arbiter.core.dataset.Dataset(
                "support.csv", List.of("question", "gold"), List.<String[]>of(new String[] {"Refund?", "5 days"}));
        io.arbiter.core.dataset.ColumnMapping plain =
                new io.arbiter.core.dataset.ColumnMapping(List.of("question"), null, "");
        PromptPair pair = PromptPair.of("{{question}}", "{{base_answer}} against {{reference}}");
        assertEquals(
                1,
                PromptCheck.problems(pair, PromptCheck.names(rows, plain), JUDGE_GETS)
                        .size());
        io.arbiter.core.dataset.ColumnMapping withGold =
                plain.withJudgeColumns(new io.arbiter.core.dataset.JudgeColumns("gold", null, null));
        assertEquals(List.of(), PromptCheck.problems(pair, PromptCheck.names(rows, withGold), JUDGE_GETS));
    }

    @Test
    void aPairwiseJudgeMustSeeBothAnswersAndHasNoBaseAnswer() {
        List<String> pairGets = List.of(Placeholder.ANSWER_A, Placeholder.ANSWER_B);
        assertEquals(
                List.of(),
                PromptCheck.problems(PromptPair.of("{{Title}}", "A: {{answer_a}} B: {{answer_b}}"), COLUMNS, pairGets));
        List<String> problems = PromptCheck.problems(
                PromptPair.of("{{Title}}", "Judge {{base_answer}} or {{answer_a}}"), COLUMNS, pairGets);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("{{base_answer}} is not available to a pairwise judge"), problems.get(0));
        assertTrue(problems.get(1).contains("never sees answer B")
                && problems.get(1).contains("{{answer_b}}"));
    }
}
