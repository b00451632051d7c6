package io.arbiter.core.run;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.prompt.FewShotExample;
import io.arbiter.core.prompt.PromptPair;
import java.util.List;

/**
 * Everything that defines a run: the rows, how to read them, the two prompts, the provider, and the reviewed rows
 * promoted into the judge prompt as worked examples (left out of the run's metrics).
 */
public record RunSpec(Dataset dataset, ColumnMapping mapping, LabelSet labels, PromptPair prompts,
                      ProviderProfile provider, List<FewShotExample> examples) {

    public RunSpec {
        examples = List.copyOf(examples);
    }

    public RunSpec(Dataset dataset, ColumnMapping mapping, LabelSet labels, PromptPair prompts, ProviderProfile provider) {
        this(dataset, mapping, labels, prompts, provider, List.of());
    }

    /** The same run with these worked examples. */
    public RunSpec withExamples(List<FewShotExample> promoted) {
        return new RunSpec(dataset, mapping, labels, prompts, provider, promoted);
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
