package io.arbiter.core.prompt;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.LabelSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Renders a run's two prompts for any row of its dataset. */
public final class RowPrompts {

    private final Dataset dataset;
    private final ColumnMapping mapping;
    private final PromptPair prompts;
    private final String labelText;
    private final String examplesText;
    private final Map<String, String> judgeValues;

    /** Prompts without worked examples. */
    public RowPrompts(Dataset dataset, ColumnMapping mapping, PromptPair prompts, LabelSet labels) {
        this(dataset, mapping, prompts, labels, List.of(), example -> "", Map.of());
    }

    /**
     * @param exampleAnswer the answer a worked example shows, in the run's grading scheme's own format
     * @param judgeValues   what the run's grading scheme fills in the judge prompt, such as {@code {{scale}}}
     */
    public RowPrompts(
            Dataset dataset,
            ColumnMapping mapping,
            PromptPair prompts,
            LabelSet labels,
            List<FewShotExample> examples,
            Function<FewShotExample, String> exampleAnswer,
            Map<String, String> judgeValues) {
        this.dataset = dataset;
        this.mapping = mapping;
        this.prompts = prompts;
        this.judgeValues = Map.copyOf(judgeValues);
        this.labelText = labels.asPromptText();
        this.examplesText = renderExamples(examples, exampleAnswer);
    }

    private RowPrompts(RowPrompts from, String labelText) {
        this.dataset = from.dataset;
        this.mapping = from.mapping;
        this.prompts = from.prompts;
        this.judgeValues = from.judgeValues;
        this.labelText = labelText;
        this.examplesText = from.examplesText;
    }

    /**
     * The same prompts showing {@code {{labels}}} in {@code order}: the label-order probe asks the judge again with the
     * list shuffled. Worked examples keep the order they were rendered with.
     */
    public RowPrompts withLabelOrder(List<String> order) {
        return new RowPrompts(this, String.join(", ", order));
    }

    /**
     * Each example is the judge's own user message for that row followed by the answer it should give, so the judge
     * sees exactly the shape of the task it is about to do.
     */
    private String renderExamples(List<FewShotExample> examples, Function<FewShotExample, String> exampleAnswer) {
        if (examples.isEmpty()) {
            return "(no worked examples yet)";
        }
        StringBuilder text = new StringBuilder();
        int number = 1;
        for (FewShotExample example : examples) {
            Map<String, String> values = values(example.row(), example.baseAnswer());
            values.put(Placeholder.EXAMPLES, "");
            RenderedPrompt shown = prompts.judge().render(values, defaultUser(example.row()));
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append("Example ")
                    .append(number++)
                    .append(":\n")
                    .append(shown.user().strip())
                    .append('\n')
                    .append("Answer: ")
                    .append(exampleAnswer.apply(example));
        }
        return text.toString();
    }

    /**
     * The row's input as a reader sees it: the input column's value, or each input column's name and value on a line
     * of its own.
     */
    public String input(int row) {
        List<String> columns = mapping.inputColumns();
        if (columns.size() == 1) {
            return dataset.value(row, columns.get(0));
        }
        StringBuilder text = new StringBuilder();
        for (String column : columns) {
            text.append(text.isEmpty() ? "" : "\n").append(column).append(": ").append(dataset.value(row, column));
        }
        return text.toString();
    }

    public RenderedPrompt base(int row) {
        return prompts.base().render(values(row, null), defaultUser(row));
    }

    public RenderedPrompt judge(int row, String baseAnswer) {
        return prompts.judge().render(values(row, baseAnswer), defaultUser(row));
    }

    /**
     * A pairwise judge's prompt: {@code first} shown as {@code {{answer_a}}}, {@code second} as {@code {{answer_b}}}
     * (the swapped order passes answer B first).
     */
    public RenderedPrompt judgePair(int row, String first, String second) {
        Map<String, String> values = values(row, null);
        values.put(Placeholder.ANSWER_A, first);
        values.put(Placeholder.ANSWER_B, second);
        return prompts.judge().render(values, defaultUser(row));
    }

    private Map<String, String> values(int row, String baseAnswer) {
        List<String> columns = dataset.columns();
        Map<String, String> values = new HashMap<>(columns.size() * 2 + 4);
        for (int c = 0; c < columns.size(); c++) {
            values.putIfAbsent(columns.get(c), dataset.value(row, c));
        }
        values.put(Placeholder.LABELS, labelText);
        if (mapping.judgeColumns().reference() != null) { // else a column named "reference" shows as it is
            values.put(Placeholder.REFERENCE, mapping.judgeColumns().reference(dataset, row));
        }
        values.putAll(judgeValues);
        if (examplesText != null) {
            values.put(Placeholder.EXAMPLES, examplesText);
        }
        if (baseAnswer != null) {
            values.put(Placeholder.BASE_ANSWER, baseAnswer);
        }
        return values;
    }

    /** One input column is sent as it is; several are sent as "Column: value" lines. */
    private String defaultUser(int row) {
        List<String> inputs = mapping.inputColumns();
        if (inputs.size() == 1) {
            return dataset.value(row, inputs.get(0));
        }
        StringBuilder user = new StringBuilder();
        for (String column : inputs) {
            if (user.length() > 0) {
                user.append('\n');
            }
            user.append(column).append(": ").append(dataset.value(row, column));
        }
        return user.toString();
    }
}
