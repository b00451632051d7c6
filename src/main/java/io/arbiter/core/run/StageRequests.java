package io.arbiter.core.run;

import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.OutputSchema;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.StructuredOutputRefusals;
import io.arbiter.core.prompt.PromptPair;
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
    /** Answer B's prompts, from the run's second base configuration; null unless the run generates a pair. */
    private final RowPrompts promptsB;

    private final String modelB;
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
        SecondBase second = spec.secondBase().orElse(null);
        this.modelB = second == null ? null : second.model();
        this.promptsB = second == null
                ? null
                : new RowPrompts(
                        spec.dataset(),
                        spec.mapping(),
                        new PromptPair(second.prompt(), spec.prompts().judge()),
                        spec.labels());
    }

    /** The request for {@code stage} of a row as it stands: a judge's request shows the answers the row has. */
    public ChatRequest request(Stage stage, RowResult row) {
        return switch (stage) {
            case BASE -> base(row.row());
            case BASE_B -> baseB(row.row());
            case JUDGE -> row.paired()
                    ? judgePair(row.row(), row.base().text(), row.answerB(), false)
                    : judge(row.row(), row.base().text());
            case JUDGE_BA -> judgePair(row.row(), row.base().text(), row.answerB(), true);
        };
    }

    /** Answer B's request for a row, from the second base configuration. */
    public ChatRequest baseB(int row) {
        if (promptsB == null) {
            throw new IllegalStateException("This run has no second base configuration to answer B");
        }
        return request(modelB, promptsB.base(row));
    }

    /**
     * A pairwise judge's request for a row: A shown first, or with {@code bFirst} B shown first (answers stripped
     * as the engine strips them).
     */
    public ChatRequest judgePair(int row, String answerA, String answerB, boolean bFirst) {
        String a = answerA.strip();
        String b = answerB.strip();
        return structured(
                request(provider.judgeModel(), bFirst ? prompts.judgePair(row, b, a) : prompts.judgePair(row, a, b)));
    }

    /** The base model's request for a row. */
    public ChatRequest base(int row) {
        return request(provider.baseModel(), prompts.base(row));
    }

    /** The judge's request for a row, given the base answer it judges (stripped as the engine strips it). */
    public ChatRequest judge(int row, String baseAnswer) {
        return structured(request(provider.judgeModel(), prompts.judge(row, baseAnswer.strip())));
    }

    private ChatRequest structured(ChatRequest request) {
        // Asked each time: a refusal met by an earlier row sends this one as plain text without trying again.
        return judgeSchema.isPresent() && refusals.asks(provider)
                ? request.withOutputSchema(judgeSchema.get())
                : request;
    }

    /** True when the judge has something to judge: the engine sends only answered, non-blank base answers. */
    public static boolean judgeable(StageOutcome base) {
        return base != null && base.answered() && !base.text().isBlank();
    }

    /** True when the row's judge can be asked: its answer, or both answers of a pair, answered and not blank. */
    public static boolean judgeable(RowResult row) {
        return judgeable(row.base()) && (!row.paired() || judgeable(row.pair().baseB()));
    }

    private ChatRequest request(String model, RenderedPrompt prompt) {
        return new ChatRequest(model, prompt.system(), prompt.user(), provider.temperature(), provider.maxTokens());
    }
}
