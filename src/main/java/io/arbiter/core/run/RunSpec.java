package io.arbiter.core.run;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.prompt.PromptPair;

/** Everything that defines a run: the rows, how to read them, the two prompts and the provider. */
public record RunSpec(Dataset dataset, ColumnMapping mapping, LabelSet labels, PromptPair prompts,
                      ProviderProfile provider) {

    /** A spec whose label set is the dataset's distinct truth labels. */
    public static RunSpec of(Dataset dataset, ColumnMapping mapping, PromptPair prompts, ProviderProfile provider) {
        return new RunSpec(dataset, mapping, LabelSet.fromTruth(dataset, mapping), prompts, provider);
    }
}
