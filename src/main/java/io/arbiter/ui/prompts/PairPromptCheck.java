package io.arbiter.ui.prompts;

import io.arbiter.core.prompt.Placeholder;
import io.arbiter.core.prompt.PromptCheck;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.prompt.PromptTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The prompt problems of a pairwise setup: its judge reads {{answer_a}} and {{answer_b}} where a single-answer judge
 * reads {{base_answer}}, and a generated pair's base prompt B must render for every row as the base prompt must.
 */
final class PairPromptCheck {

    private PairPromptCheck() {}

    /**
     * {@code found} (the single-answer checks) read for a pair: the base-answer problems give way to the pair's own,
     * and prompt B's problems are added while it is in use.
     */
    static List<String> problems(List<String> found, String judgeText, SecondBaseDraft second, List<String> names) {
        List<String> problems = new ArrayList<>();
        for (String problem : found) {
            if (!problem.startsWith("Judge prompt: never shows the base answer")
                    && !problem.startsWith("Judge prompt: unknown placeholder {{" + Placeholder.BASE_ANSWER + "}}")) {
                problems.add(problem);
            }
        }
        Set<String> used = new PromptTemplate(judgeText).placeholders();
        if (used.contains(Placeholder.BASE_ANSWER)) {
            add(problems, "Judge prompt: a pairwise judge reads {{answer_a}} and {{answer_b}}, not {{base_answer}}.");
        }
        if (!judgeText.isBlank() && !(used.contains(Placeholder.ANSWER_A) && used.contains(Placeholder.ANSWER_B))) {
            add(
                    problems,
                    "Judge prompt: never shows both answers; add {{answer_a}} and {{answer_b}} where the judge should "
                            + "read them.");
        }
        if (second.inUseProperty().get()) {
            String promptB = second.promptTextProperty().get();
            if (promptB == null || promptB.isBlank()) {
                add(problems, "Base prompt B is empty: write the prompt that answers B in the \"Base prompt B\" tab.");
            } else {
                // Checked as a base prompt of its own; its judge is the run's, already checked.
                for (String problem : PromptCheck.problems(
                        PromptPair.of(promptB, "{{answer_a}}{{answer_b}}"),
                        names,
                        List.of(Placeholder.ANSWER_A, Placeholder.ANSWER_B))) {
                    if (problem.startsWith("Base prompt")) {
                        add(problems, problem.replaceFirst("^Base prompt", "Base prompt B"));
                    }
                }
            }
        }
        return problems;
    }

    /** A problem the core check may come to name itself is said once. */
    private static void add(List<String> problems, String problem) {
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }
}
