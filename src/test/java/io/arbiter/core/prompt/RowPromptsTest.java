package io.arbiter.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.LabelSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowPromptsTest {

    private static final Dataset MOVIES = new Dataset(
            "movies.csv",
            List.of("Title", "Overview", "Genre"),
            List.of(
                    new String[] {"Cold Ledger", "An accountant launders money.", "Crime"},
                    new String[] {"Orbit of Small Things", "A crippled spaceship drifts.", "Sci-Fi"}));
    private static final ColumnMapping OVERVIEW_ONLY = new ColumnMapping(List.of("Overview"), "Genre", ",");
    private static final LabelSet LABELS = new LabelSet(List.of("Sci-Fi", "drama", "Crime"));

    @Test
    void baseFillsColumnsAndLabelsInBothMessages() {
        PromptPair prompts = PromptPair.of(
                """
                Pick one of: {{labels}}
                [user]
                {{Title}}: {{ Overview }}""",
                "unused {{base_answer}}");

        RenderedPrompt rendered = new RowPrompts(MOVIES, OVERVIEW_ONLY, prompts, LABELS).base(1);

        assertEquals("Pick one of: Crime, drama, Sci-Fi", rendered.system());
        assertEquals("Orbit of Small Things: A crippled spaceship drifts.", rendered.user());
    }

    @Test
    void judgeSeesTheBaseAnswerWithTheRowAndLabels() {
        PromptPair prompts = PromptPair.of(
                "unused",
                """
                Judge the answer.
                [user]
                Movie: {{Overview}}
                Allowed: {{labels}}
                Answer: "{{base_answer}}\"""");

        RenderedPrompt rendered = new RowPrompts(MOVIES, OVERVIEW_ONLY, prompts, LABELS).judge(0, "Crime");

        assertEquals("Judge the answer.", rendered.system());
        assertEquals(
                "Movie: An accountant launders money.\nAllowed: Crime, drama, Sci-Fi\nAnswer: \"Crime\"",
                rendered.user());
    }

    @Test
    void baseAnswerIsNotFilledInTheBasePrompt() {
        PromptPair prompts = PromptPair.of("Earlier answer: {{base_answer}}", "unused");

        RenderedPrompt rendered = new RowPrompts(MOVIES, OVERVIEW_ONLY, prompts, LABELS).base(0);

        assertEquals("Earlier answer: {{base_answer}}", rendered.system());
    }

    @Test
    void withoutAUserLineTheSingleInputColumnIsTheUserMessage() {
        PromptPair prompts = PromptPair.of("Classify into {{labels}}.", "Grade {{base_answer}} against {{labels}}.");
        RowPrompts rowPrompts = new RowPrompts(MOVIES, OVERVIEW_ONLY, prompts, LABELS);

        RenderedPrompt base = rowPrompts.base(0);
        RenderedPrompt judge = rowPrompts.judge(0, "Drama");

        assertEquals("Classify into Crime, drama, Sci-Fi.", base.system());
        assertEquals("An accountant launders money.", base.user());
        assertEquals("Grade Drama against Crime, drama, Sci-Fi.", judge.system());
        assertEquals("An accountant launders money.", judge.user());
    }

    @Test
    void withoutAUserLineSeveralInputColumnsAreSentAsNamedLines() {
        ColumnMapping titleAndOverview = new ColumnMapping(List.of("Title", "Overview"), "Genre", ",");
        PromptPair prompts = PromptPair.of("Classify the movie.", "Grade {{base_answer}}.");

        RenderedPrompt base = new RowPrompts(MOVIES, titleAndOverview, prompts, LABELS).base(1);

        assertEquals("Title: Orbit of Small Things\nOverview: A crippled spaceship drifts.", base.user());
    }

    @Test
    void emptyLabelSetRendersAsEmptyText() {
        PromptPair prompts = PromptPair.of("Labels: [{{labels}}]", "unused");

        RenderedPrompt rendered = new RowPrompts(MOVIES, OVERVIEW_ONLY, prompts, LabelSet.empty()).base(0);

        assertEquals("Labels: []", rendered.system());
    }

    @Test
    void cellTextWithReplacementCharactersIsInsertedLiterally() {
        Dataset dollars = new Dataset(
                "d.csv", List.of("Overview"), List.<String[]>of(new String[] {"A heist for $1 million \\ {{labels}}"}));
        PromptPair prompts = PromptPair.of("[user]\n{{Overview}}", "unused");

        RenderedPrompt rendered =
                new RowPrompts(dollars, new ColumnMapping(List.of("Overview"), null, null), prompts, LABELS).base(0);

        assertEquals("A heist for $1 million \\ {{labels}}", rendered.user());
    }

    @Test
    void promotedRowsRenderAsWorkedExamplesInTheJudgePrompt() {
        io.arbiter.core.dataset.Dataset data = new io.arbiter.core.dataset.Dataset(
                "m.csv",
                List.of("Overview", "Genre"),
                List.of(
                        new String[] {"A heist in Lisbon.", "Crime"},
                        new String[] {"Two robots fall in love.", "Romance"},
                        new String[] {"A sheriff rides out.", "Western"}));
        io.arbiter.core.dataset.ColumnMapping mapping =
                new io.arbiter.core.dataset.ColumnMapping(List.of("Overview"), "Genre", ",");
        PromptPair pair = PromptPair.of(
                "Pick one.\n[user]\n{{Overview}}",
                "Judge.\n{{examples}}\n[user]\nMovie: {{Overview}}\nAnswer: \"{{base_answer}}\"");
        RowPrompts prompts = new RowPrompts(
                data,
                mapping,
                pair,
                io.arbiter.core.dataset.LabelSet.empty(),
                List.of(
                        new FewShotExample(0, "Crime", true, "Crime"),
                        new FewShotExample(1, "Sci-Fi", false, "Romance")),
                io.arbiter.core.scheme.VerdictScheme.INSTANCE::exampleAnswer,
                java.util.Map.of());

        RenderedPrompt judged = prompts.judge(2, "Western");
        assertEquals(
                "Judge.\nExample 1:\nMovie: A heist in Lisbon.\nAnswer: \"Crime\"\nAnswer: Crime,Correct\n\n"
                        + "Example 2:\nMovie: Two robots fall in love.\nAnswer: \"Sci-Fi\"\nAnswer: Romance,Incorrect",
                judged.system());
        assertEquals("Movie: A sheriff rides out.\nAnswer: \"Western\"", judged.user());
    }

    @Test
    void aScoringJudgeSeesTheRowsReferenceAndTheScaleAndAColumnNamedReferenceStaysItselfOtherwise() {
        io.arbiter.core.dataset.Dataset data = new io.arbiter.core.dataset.Dataset(
                "support.csv",
                List.of("question", "reference", "gold"),
                List.<String[]>of(new String[] {"Refund?", "column text", "Within 5 days."}));
        PromptPair pair =
                PromptPair.of("Help.\n[user]\n{{question}}", "Scale {{scale}}.\n[user]\n{{reference}}|{{base_answer}}");
        io.arbiter.core.dataset.ColumnMapping plain =
                new io.arbiter.core.dataset.ColumnMapping(List.of("question"), null, "");
        io.arbiter.core.dataset.ColumnMapping withGold =
                plain.withJudgeColumns(new io.arbiter.core.dataset.JudgeColumns("gold", null, null));
        java.util.Map<String, String> scale = io.arbiter.core.scheme.ScoreScheme.DEFAULT.promptValues();
        RenderedPrompt fromGold = new RowPrompts(
                        data, withGold, pair, io.arbiter.core.dataset.LabelSet.empty(), List.of(), e -> "", scale)
                .judge(0, "Soon.");
        assertEquals("Scale 1 to 5.", fromGold.system());
        assertEquals("Within 5 days.|Soon.", fromGold.user());
        RenderedPrompt fromColumn = new RowPrompts(
                        data, plain, pair, io.arbiter.core.dataset.LabelSet.empty(), List.of(), e -> "", scale)
                .judge(0, "Soon.");
        assertEquals("column text|Soon.", fromColumn.user());
    }
}
