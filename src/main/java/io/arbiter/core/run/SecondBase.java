package io.arbiter.core.run;

import io.arbiter.core.prompt.PromptTemplate;

/**
 * The configuration that answers B in a pairwise run Arbiter generates both answers for: another model, another
 * base prompt, or both, beside the run's own (which answers A). Same provider, temperature and token limit.
 *
 * @param model  the model answering B
 * @param prompt the base prompt answering B
 */
public record SecondBase(String model, PromptTemplate prompt) {

    public SecondBase {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("The second base configuration needs a model");
        }
        if (prompt == null) {
            throw new IllegalArgumentException("The second base configuration needs a prompt");
        }
    }
}
