package io.arbiter.core.run;

import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.prompt.RenderedPrompt;
import io.arbiter.core.prompt.RowPrompts;

/**
 * The request a run sends for one row and stage, in one place, so a stage exported as batch JSONL for another engine
 * asks exactly what the engine would, and an imported answer lands on the request key a resumed run looks up.
 */
public final class StageRequests {

    private final ProviderProfile provider;
    private final RowPrompts prompts;

    public StageRequests(RunSpec spec) {
        this.provider = spec.provider();
        this.prompts = new RowPrompts(
                spec.dataset(),
                spec.mapping(),
                spec.prompts(),
                spec.labels(),
                spec.examples(),
                spec.scheme()::exampleAnswer,
                spec.scheme().promptValues());
    }

    /** The base model's request for a row. */
    public ChatRequest base(int row) {
        return request(provider.baseModel(), prompts.base(row));
    }

    /** The judge's request for a row, given the base answer it judges (stripped as the engine strips it). */
    public ChatRequest judge(int row, String baseAnswer) {
        return request(provider.judgeModel(), prompts.judge(row, baseAnswer.strip()));
    }

    /** True when the judge has something to judge: the engine sends only answered, non-blank base answers. */
    public static boolean judgeable(StageOutcome base) {
        return base != null && base.answered() && !base.text().isBlank();
    }

    private ChatRequest request(String model, RenderedPrompt prompt) {
        return new ChatRequest(model, prompt.system(), prompt.user(), provider.temperature(), provider.maxTokens());
    }
}
