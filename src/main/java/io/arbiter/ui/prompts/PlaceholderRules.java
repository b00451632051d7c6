package io.arbiter.ui.prompts;

import io.arbiter.core.prompt.Placeholder;
import io.arbiter.core.scheme.JudgeScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {{placeholders}} one prompt may use, as its editor highlights and completes them; the same rules as
 * {@link io.arbiter.core.prompt.PromptCheck}, told per name.
 *
 * @param names what completion offers, the dataset's names first, then the built-ins
 * @param refused built-ins this prompt cannot use, with why
 * @param unknown why any other name is refused
 */
public record PlaceholderRules(List<String> names, Map<String, String> refused, String unknown) {

    /** Before a dataset is open: no column is known yet. */
    public static final PlaceholderRules NONE = new PlaceholderRules(
            List.of(Placeholder.LABELS), Map.of(), "No dataset is open yet: its columns are the placeholders.");

    public PlaceholderRules {
        names = List.copyOf(names);
        refused = Map.copyOf(refused);
    }

    /** Why {@code name} would not be filled in this prompt; empty when it is. */
    public Optional<String> problem(String name) {
        if (names.contains(name)) {
            return Optional.empty();
        }
        return Optional.of(refused.getOrDefault(name, unknown));
    }

    /** A base prompt (and a pair's prompt B) over a dataset whose placeholder names are {@code columns}. */
    static PlaceholderRules base(List<String> columns) {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put(
                Placeholder.BASE_ANSWER,
                "{{base_answer}} only exists for the judge, after the base model has answered.");
        refused.put(
                Placeholder.EXAMPLES, "{{examples}} holds worked examples for the judge; use it in the judge prompt.");
        return new PlaceholderRules(
                with(columns, List.of(Placeholder.LABELS)), without(refused, columns), unknown(columns));
    }

    /** The judge prompt of {@code scheme} over a dataset whose placeholder names are {@code columns}. */
    static PlaceholderRules judge(List<String> columns, JudgeScheme scheme) {
        List<String> builtIns = new ArrayList<>(List.of(Placeholder.LABELS));
        builtIns.addAll(scheme.placeholders());
        Map<String, String> refused = new LinkedHashMap<>();
        if (scheme.pairs()) {
            refused.put(
                    Placeholder.BASE_ANSWER,
                    "{{base_answer}} is not available to a pairwise judge; show the two answers as {{answer_a}} and"
                            + " {{answer_b}}.");
        }
        return new PlaceholderRules(with(columns, builtIns), without(refused, columns), unknown(columns));
    }

    private static List<String> with(List<String> columns, List<String> builtIns) {
        List<String> names = new ArrayList<>(columns);
        builtIns.stream().filter(name -> !names.contains(name)).forEach(names::add);
        return names;
    }

    /** A column of that name is filled from the dataset, whatever the built-in would say. */
    private static Map<String, String> without(Map<String, String> refused, List<String> columns) {
        refused.keySet().removeAll(columns);
        return refused;
    }

    private static String unknown(List<String> columns) {
        return columns.isEmpty()
                ? NONE.unknown()
                : "Unknown placeholder: not a column of the dataset (" + String.join(", ", columns)
                        + ") nor one this prompt is given; it would reach the model as written.";
    }
}
