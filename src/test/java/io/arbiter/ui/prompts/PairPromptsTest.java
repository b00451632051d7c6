package io.arbiter.ui.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.JudgeColumns;
import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.dataset.TaskKind;
import io.arbiter.core.run.SecondBase;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.core.scheme.PairwiseScheme;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The prompts of a pairwise setup: its judge must show {{answer_a}} and {{answer_b}} (not {{base_answer}}), a new
 * pair starts from an MT-Bench judge prompt, and a generated pair's prompt B is checked and previewed. No FX toolkit.
 */
class PairPromptsTest {

    private static final Dataset ROWS = new Dataset(
            "q.csv",
            List.of("question", "reference", "answer_a", "answer_b"),
            List.<String[]>of(new String[] {"Reset?", "Hold it 10 s.", "Unplug it.", "Hold the button."}));
    private static final ColumnMapping GENERATED = new ColumnMapping(List.of("question"), null, ",")
            .withTask(TaskKind.GENERATE)
            .withJudgeColumns(new JudgeColumns("reference", null, null).withPair(null, null));
    private static final ColumnMapping COLUMNS = new ColumnMapping(List.of("question"), null, ",", "answer_a", Map.of())
            .withTask(TaskKind.GENERATE)
            .withJudgeColumns(new JudgeColumns("reference", null, null).withPair("answer_b", null));

    private final PromptsViewModel model = new PromptsViewModel();

    @Test
    void aPairwiseJudgeShowsBothAnswersNotTheBaseAnswer() {
        model.baseTextProperty().set("Answer.\n[user]\n{{question}}");
        model.judgeTextProperty().set("Judge.\n[user]\n{{question}} {{base_answer}}");
        model.useDataset(ROWS, COLUMNS, LabelSet.empty());
        assertEquals(List.of(), model.problems(), "a single-answer judge is fine for a single-answer scheme");

        model.useScheme(PairwiseScheme.DEFAULT);

        assertEquals(
                List.of(
                        "Judge prompt: {{base_answer}} is not available to a pairwise judge; show the two answers as"
                                + " {{answer_a}} and {{answer_b}}.",
                        "Judge prompt: a pairwise judge never sees answer A; add {{answer_a}} where the judge should"
                                + " read it.",
                        "Judge prompt: a pairwise judge never sees answer B; add {{answer_b}} where the judge should"
                                + " read it."),
                model.problems());

        model.judgeTextProperty().set("Judge.\n[user]\n{{question}} {{reference}}\nA: {{answer_a}}\nB: {{answer_b}}");
        assertEquals(List.of(), model.problems());
        assertTrue(model.judgePreviewProperty().get().contains("A: {{answer_a}}"), "no answers yet");
        model.previewBaseAnswerProperty().set("Unplug it.");
        model.previewAnswerBProperty().set("Hold the button.");
        assertTrue(
                model.judgePreviewProperty().get().contains("A: Unplug it.\nB: Hold the button."),
                model.judgePreviewProperty().get());
        assertFalse(model.secondBase().inUseProperty().get(), "both answers are columns");
    }

    @Test
    void aNewPairStartsFromAnMtBenchJudgeAndPromptBFromTheBasePrompt() {
        model.baseTextProperty().set("Answer.\n[user]\n{{question}}");
        model.judgeTextProperty().set("Grade it.\n[user]\n{{base_answer}}");

        assertTrue(model.startPair(GENERATED));
        model.useScheme(PairwiseScheme.DEFAULT);
        model.useDataset(ROWS, GENERATED, LabelSet.empty());

        String judge = model.judgeTextProperty().get();
        assertTrue(judge.contains("[[A]]") && judge.contains("[[C]] for a tie"), judge);
        assertTrue(judge.contains("{{question}}") && judge.contains("{{reference}}"), judge);
        assertEquals(
                "Answer.\n[user]\n{{question}}",
                model.secondBase().promptTextProperty().get());
        assertTrue(model.secondBase().inUseProperty().get());
        assertEquals(List.of(), model.problems());
        assertFalse(model.startPair(GENERATED), "a judge prompt that shows both answers is kept");
        assertEquals(judge, model.judgeTextProperty().get());

        model.secondBase().promptTextProperty().set("Briefly.\n[user]\n{{Question}}");
        assertEquals(1, model.problems().size(), model.problems().toString());
        assertTrue(
                model.problems().get(0).startsWith("Base prompt B: unknown placeholder {{Question}}"),
                model.problems().get(0));
        model.secondBase().promptTextProperty().set(" ");
        assertTrue(
                model.problems().get(0).startsWith("Base prompt B is empty"),
                model.problems().toString());

        model.secondBase().promptTextProperty().set("Briefly.\n[user]\n{{question}}");
        assertEquals(
                new SecondBase(
                        "base-model", new io.arbiter.core.prompt.PromptTemplate("Briefly.\n[user]\n{{question}}")),
                model.secondBase().secondBase("base-model").orElseThrow(),
                "model B left empty is the base model");
        model.secondBase().modelProperty().set(" other ");
        assertEquals(
                "other",
                model.secondBase().secondBase("base-model").orElseThrow().model());

        model.useScheme(JudgeSchemes.DEFAULT);
        assertTrue(model.secondBase().secondBase("base-model").isEmpty(), "only a pair has a second answer");
    }
}
