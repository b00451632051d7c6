package io.arbiter.core.run;

import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.OutputSchema;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.StructuredOutputRefusals;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.prompt.RenderedPrompt;
import io.arbiter.core.prompt.RowPrompts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The request a run sends for one row and stage, in one place, so a stage exported as batch JSONL for another engine
 * asks exactly what the engine would, and an imported answer lands on the request key a resumed run looks up. The
 * judge's request carries the scheme's output schema when the provider profile asks for structured output (auto
 * until the provider refused it, see {@link StructuredOutputRefusals}); the base model's never does. A vote of a jury
 * or of repeats is asked of its juror's model; a repeat after the first carries its number as the seed (so it is its
 * own request in the cache) and, for the label-order probe, shows the labels in an order of its own. A juror named
 * {@code model@profile} is routed to that profile's provider ({@link ChatRequest#route}), which is part of its key.
 */
public final class StageRequests {

    private final ProviderProfile provider;
    private final RowPrompts prompts;
    /** Answer B's prompts, from the run's second base configuration; null unless the run generates a pair. */
    private final RowPrompts promptsB;

    private final String modelB;
    private final JudgePanel panel;
    /** Each repeat's prompts when the panel shuffles labels (the first keeps the given order); null otherwise. */
    private final List<RowPrompts> repeatPrompts;

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
        this.panel = spec.panel();
        this.repeatPrompts =
                panel.shuffleLabels() ? shuffled(prompts, spec.labels().labels(), panel.repeats()) : null;
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
        return switch (stage.kind()) {
            case BASE -> base(row.row());
            case BASE_B -> baseB(row.row());
            case JUDGE -> row.paired()
                    ? judgePair(row.row(), row.base().text(), row.answerB(), false)
                    : judge(stage, row.row(), row.base().text());
            case JUDGE_BA -> judgePair(row.row(), row.base().text(), row.answerB(), true);
        };
    }

    /**
     * A vote's request for a row, given the base answer it judges: its juror's model, its repeat's seed (none for the
     * first, so a run of one judge once asks exactly what it did before juries) and, when shuffling, its label order.
     */
    public ChatRequest judge(Stage vote, int row, String baseAnswer) {
        if (vote.kind() != Stage.Kind.JUDGE) {
            throw new IllegalArgumentException(vote + " does not judge one answer");
        }
        RowPrompts shown = repeatPrompts == null ? prompts : repeatPrompts.get(vote.repeat());
        ChatRequest request =
                request(panel.model(vote.juror(), provider.judgeModel()), shown.judge(row, baseAnswer.strip()));
        request = vote.repeat() == 0 ? request : request.withSeed(vote.repeat());
        JurorProvider own = panel.provider(vote.juror());
        // A juror on a provider of its own: routed there, keyed by it, asked for JSON as that profile allows.
        return own == null
                ? structured(request, provider)
                : structured(request.withRoute(own.identity()), own.profile());
    }

    /** Each repeat's prompts, the labels in a seeded order of the repeat's own; the first in the given order. */
    private static List<RowPrompts> shuffled(RowPrompts prompts, List<String> labels, int repeats) {
        List<RowPrompts> byRepeat = new ArrayList<>(repeats);
        byRepeat.add(prompts);
        for (int repeat = 1; repeat < repeats; repeat++) {
            List<String> order = new ArrayList<>(labels);
            // java.util.Random's sequence is specified, so a repeat's order is the same in every run and JVM.
            Collections.shuffle(order, new Random(repeat));
            byRepeat.add(prompts.withLabelOrder(order));
        }
        return List.copyOf(byRepeat);
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
        return judge(Stage.JUDGE, row, baseAnswer);
    }

    private ChatRequest structured(ChatRequest request) {
        return structured(request, provider);
    }

    private ChatRequest structured(ChatRequest request, ProviderProfile asked) {
        // Asked each time: a refusal met by an earlier row sends this one as plain text without trying again.
        return judgeSchema.isPresent() && refusals.asks(asked) ? request.withOutputSchema(judgeSchema.get()) : request;
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
