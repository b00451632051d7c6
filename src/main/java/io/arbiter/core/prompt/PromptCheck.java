package io.arbiter.core.prompt;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Finds what would make a run go wrong before it costs anything: unknown placeholders and a judge that cannot see the answer. */
public final class PromptCheck {

    private PromptCheck() {}

    /**
     * Problems in plain words, empty when both prompts can be rendered for every row.
     *
     * @param judgeGets the placeholders the run's grading scheme fills in the judge prompt beside the columns
     */
    public static List<String> problems(PromptPair prompts, Collection<String> columns, Collection<String> judgeGets) {
        List<String> problems = new ArrayList<>();
        if (prompts.base().text().isBlank()) {
            problems.add("The base prompt is empty.");
        }
        if (prompts.judge().text().isBlank()) {
            problems.add("The judge prompt is empty.");
        }
        for (String name : prompts.base().placeholders()) {
            if (name.equals(Placeholder.BASE_ANSWER)) {
                problems.add(
                        "Base prompt: {{base_answer}} only exists for the judge, after the base model has answered.");
            } else if (name.equals(Placeholder.EXAMPLES)) {
                problems.add(
                        "Base prompt: {{examples}} holds worked examples for the judge; use it in the judge prompt.");
            } else if (!known(name, columns)) {
                problems.add("Base prompt: unknown placeholder {{" + name + "}}" + hint(columns));
            }
        }
        // A pairwise judge is given two answers, A and B, in place of the one base answer.
        boolean pairs = judgeGets.contains(Placeholder.ANSWER_A);
        for (String name : prompts.judge().placeholders()) {
            if (pairs && name.equals(Placeholder.BASE_ANSWER) && !columns.contains(name)) {
                problems.add("Judge prompt: {{base_answer}} is not available to a pairwise judge; show the two"
                        + " answers as {{answer_a}} and {{answer_b}}.");
            } else if (!judgeGets.contains(name) && !known(name, columns)) {
                problems.add("Judge prompt: unknown placeholder {{" + name + "}}" + hint(columns));
            }
        }
        if (prompts.judge().text().isBlank()) {
            return problems;
        }
        if (pairs) {
            for (String answer : List.of(Placeholder.ANSWER_A, Placeholder.ANSWER_B)) {
                if (!prompts.judge().placeholders().contains(answer)) {
                    problems.add("Judge prompt: a pairwise judge never sees answer "
                            + answer.substring(answer.length() - 1).toUpperCase(java.util.Locale.ROOT) + "; add {{"
                            + answer + "}} where the judge should read it.");
                }
            }
        } else if (!prompts.judge().placeholders().contains(Placeholder.BASE_ANSWER)) {
            problems.add(
                    "Judge prompt: never shows the base answer; add {{base_answer}} where the judge should read it.");
        }
        return problems;
    }

    private static boolean known(String name, Collection<String> columns) {
        return name.equals(Placeholder.LABELS) || columns.contains(name);
    }

    /**
     * The names a prompt over {@code dataset} may use beside the fixed placeholders: its columns, and
     * {@code {{reference}}} when the mapping names a reference column (else it would go to the model as written).
     */
    public static List<String> names(Dataset dataset, ColumnMapping mapping) {
        List<String> names = new ArrayList<>(dataset == null ? List.of() : dataset.columns());
        if (mapping != null && mapping.judgeColumns().reference() != null && !names.contains(Placeholder.REFERENCE)) {
            names.add(Placeholder.REFERENCE);
        }
        return names;
    }

    private static String hint(Collection<String> columns) {
        return " (columns: " + String.join(", ", columns)
                + "; also {{labels}}, {{reference}} with a reference column, and {{base_answer}} and {{examples}} in the judge)";
    }
}
