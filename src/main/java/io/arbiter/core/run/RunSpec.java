package io.arbiter.core.run;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.prompt.FewShotExample;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.JudgeSchemes;
import java.util.Collection;
import java.util.List;

/**
 * Everything that defines a run: the rows, how to read them, the two prompts, the provider, the reviewed rows
 * promoted into the judge prompt as worked examples (left out of the run's metrics), and which rows it covers.
 *
 * @param selection the dataset rows the run covers, ascending; empty for every row. A selection keeps the dataset's
 *                  row indices, so results, ledger, cache and the stored run still name the right rows.
 * @param scheme    how the judge grades: what its prompt is given, how its output is read and counted
 */
public record RunSpec(
        Dataset dataset,
        ColumnMapping mapping,
        LabelSet labels,
        PromptPair prompts,
        ProviderProfile provider,
        List<FewShotExample> examples,
        List<Integer> selection,
        JudgeScheme scheme) {

    public RunSpec {
        examples = List.copyOf(examples);
        selection = List.copyOf(selection);
        if (scheme == null) {
            throw new IllegalArgumentException("A run needs a grading scheme");
        }
    }

    /** A run graded with the default scheme. */
    public RunSpec(
            Dataset dataset,
            ColumnMapping mapping,
            LabelSet labels,
            PromptPair prompts,
            ProviderProfile provider,
            List<FewShotExample> examples,
            List<Integer> selection) {
        this(dataset, mapping, labels, prompts, provider, examples, selection, JudgeSchemes.DEFAULT);
    }

    public RunSpec(
            Dataset dataset, ColumnMapping mapping, LabelSet labels, PromptPair prompts, ProviderProfile provider) {
        this(dataset, mapping, labels, prompts, provider, List.of(), List.of());
    }

    /** The same run with these worked examples. */
    public RunSpec withExamples(List<FewShotExample> promoted) {
        return new RunSpec(dataset, mapping, labels, prompts, provider, promoted, selection, scheme);
    }

    /**
     * The same run over {@code rows} only (dataset indices, any order, duplicates ignored): a draft tried on a few
     * rows before paying for all of them.
     */
    public RunSpec withSelection(Collection<Integer> rows) {
        List<Integer> sorted = rows.stream().distinct().sorted().toList();
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("Select at least one row to run on.");
        }
        int outside = sorted.get(0) < 0 ? sorted.get(0) : sorted.get(sorted.size() - 1);
        if (outside < 0 || outside >= dataset.size()) {
            throw new IllegalArgumentException("The selection holds row index " + outside + ", outside "
                    + dataset.name() + " (indices 0 to " + (dataset.size() - 1) + ").");
        }
        return new RunSpec(dataset, mapping, labels, prompts, provider, examples, sorted, scheme);
    }

    /** The same run graded with {@code other}. */
    public RunSpec withScheme(JudgeScheme other) {
        return new RunSpec(dataset, mapping, labels, prompts, provider, examples, selection, other);
    }

    /** The rows its figures count: the rows it covers, less its worked examples. */
    public RowScope scope() {
        return RowScope.of(selection, examples.stream().map(FewShotExample::row).toList());
    }

    /** True when the run covers selected rows only. */
    public boolean selected() {
        return !selection.isEmpty();
    }

    /** The dataset rows the run covers, ascending. */
    public List<Integer> rows() {
        if (selected()) {
            return selection;
        }
        return java.util.stream.IntStream.range(0, dataset.size()).boxed().toList();
    }

    /** True for a row promoted as an example: the judge has seen its answer, so it must not count. */
    public boolean promoted(int row) {
        for (FewShotExample example : examples) {
            if (example.row() == row) {
                return true;
            }
        }
        return false;
    }

    /** A spec whose label set is the dataset's distinct truth labels. */
    public static RunSpec of(Dataset dataset, ColumnMapping mapping, PromptPair prompts, ProviderProfile provider) {
        return new RunSpec(dataset, mapping, LabelSet.fromTruth(dataset, mapping), prompts, provider);
    }
}
