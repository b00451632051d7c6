package io.arbiter.ui.prompts;

import io.arbiter.core.prompt.Placeholder;
import io.arbiter.core.prompt.PromptCheck;
import io.arbiter.core.prompt.PromptPair;
import java.util.ArrayList;
import java.util.List;

/**
 * The prompt problems of a pairwise setup beyond the core's check (which asks its judge for {{answer_a}} and
 * {{answer_b}}): a generated pair's base prompt B must render for every row as the base prompt must.
 */
final class PairPromptCheck {

    private PairPromptCheck() {}

    /** {@code found} (the core's checks) with prompt B's problems added while it is in use. */
    static List<String> problems(List<String> found, SecondBaseDraft second, List<String> names) {
        List<String> problems = new ArrayList<>(found);
        if (!second.inUseProperty().get()) {
            return problems;
        }
        String promptB = second.promptTextProperty().get();
        if (promptB == null || promptB.isBlank()) {
            problems.add("Base prompt B is empty: write the prompt that answers B in the \"Base prompt B\" tab.");
            return problems;
        }
        // Checked as a base prompt of its own; its judge is the run's, already checked.
        PromptPair alone = PromptPair.of(promptB, "{{answer_a}}{{answer_b}}");
        for (String problem : PromptCheck.problems(alone, names, List.of(Placeholder.ANSWER_A, Placeholder.ANSWER_B))) {
            if (problem.startsWith("Base prompt")) {
                problems.add(problem.replaceFirst("^Base prompt", "Base prompt B"));
            }
        }
        return problems;
    }
}
