package io.arbiter.core.run;

import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.OutputSchema;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.StructuredOutputRefusals;
import io.arbiter.core.prompt.RenderedPrompt;
import io.arbiter.core.prompt.RowPrompts;
import java.util.Optional;

/**
 * The request a run sends for one row and stage, in one place, so a stage exported as batch JSONL for another engine
 * asks exactly what the engine would, and an imported answer lands on the request key a resumed run looks up. The
 * judge's request carries the scheme's output schema when the provider profile asks for structured output (auto
 * until the provider refused it, see {@link StructuredOutputRefusals}); the base model's never does.
 */
public final class StageRequests {

    private final ProviderProfile provider;
    private final RowPrompts prompts;
    private final Optional<OutputSchema> judgeSchema;
    private final StructuredOutputRefusals refusals;

    public StageRequests(RunSpec spec) {
        this(spec, StructuredOutputRefusals.process());
    }

    /** Requests that ask for structured output as {@code refusals} allow, e.g. a test's own. */
    public StageRequests(RunSpec spec, StructuredOutputRefusals refusals) {
        this.provider = spec.provider();
        this.judgeSchema = spec.scheme().outputSchema();
        this.refusals = refusals;
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
        ChatRequest request = request(provider.judgeModel(), prompts.judge(row, baseAnswer.strip()));
        // Asked each time: a refusal met by an earlier row sends this one as plain text without trying again.
        return judgeSchema.isPresent() && refusals.asks(provider)
                ? request.withOutputSchema(judgeSchema.get())
                : request;
    }

    /** True when the judge has something to judge: the engine sends only answered, non-blank base answers. */
    public static boolean judgeable(StageOutcome base) {
        return base != null && base.answered() && !base.text().isBlank();
    }

    private ChatRequest request(String model, RenderedPrompt prompt) {
        return new ChatRequest(model, prompt.system(), prompt.user(), provider.temperature(), provider.maxTokens());
    }
}
