package io.arbiter.core.run;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.llm.TokenCounter;
import io.arbiter.core.llm.TokenPrices;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.prompt.RenderedPrompt;
import io.arbiter.core.prompt.RowPrompts;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What a run will cost before it is sent: input and output tokens per stage, counted on the rendered prompts of up
 * to {@link #SAMPLE_ROWS} rows spread over the dataset and scaled to all of them, and the price at the rates given.
 *
 * @param rows         rows the run covers
 * @param sampledRows  rows actually rendered and counted
 * @param baseInput    estimated base-stage input tokens over all rows
 * @param baseOutput   estimated base-stage output tokens (one label each)
 * @param judgeInput   estimated judge-stage input tokens over all rows, taking the longest label as the base
 *                     answer so that the estimate errs high
 * @param judgeOutput  estimated judge-stage output tokens ("Label,Incorrect")
 */
public record RunEstimate(
        int rows, int sampledRows, long baseInput, long baseOutput, long judgeInput, long judgeOutput) {

    public static final int SAMPLE_ROWS = 2_000;

    public static RunEstimate of(RunSpec spec) {
        Dataset dataset = spec.dataset();
        int rows = dataset.size();
        if (rows == 0) {
            return new RunEstimate(0, 0, 0, 0, 0, 0);
        }
        RowPrompts prompts = new RowPrompts(
                dataset,
                spec.mapping(),
                spec.prompts(),
                spec.labels(),
                spec.examples(),
                spec.scheme()::exampleAnswer,
                spec.scheme().promptValues());
        String typicalAnswer = typicalLabel(spec);
        int sample = Math.min(rows, SAMPLE_ROWS);
        long baseIn = 0;
        long judgeIn = 0;
        for (int i = 0; i < sample; i++) {
            int row = (int) ((long) i * rows / sample); // spread over the file, not just its head
            RenderedPrompt base = prompts.base(row);
            RenderedPrompt judge = prompts.judge(row, typicalAnswer);
            baseIn += TokenCounter.prompt(base.system(), base.user());
            judgeIn += TokenCounter.prompt(judge.system(), judge.user());
        }
        double scale = (double) rows / sample;
        int answerTokens = TokenCounter.count(typicalAnswer) + 1;
        int verdictTokens = TokenCounter.count(typicalAnswer + ",Incorrect") + 1;
        return new RunEstimate(
                rows,
                sample,
                Math.round(baseIn * scale),
                (long) answerTokens * rows,
                Math.round(judgeIn * scale),
                (long) verdictTokens * rows);
    }

    public long totalTokens() {
        return baseInput + baseOutput + judgeInput + judgeOutput;
    }

    /** The price at these rates, the same way a finished run is priced; empty when a rate it needs is unknown. */
    public OptionalDouble cost(TokenPrices prices) {
        return prices == null
                ? OptionalDouble.empty()
                : prices.cost(new Usage(baseInput, baseOutput), new Usage(judgeInput, judgeOutput));
    }

    /** "base ≈ 38,100 in + 400 out, judge ≈ 61,000 + 500 tokens". */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "base ≈ %,d in + %,d out, judge ≈ %,d + %,d tokens%s",
                baseInput,
                baseOutput,
                judgeInput,
                judgeOutput,
                sampledRows < rows ? String.format(Locale.ROOT, ", from %,d sampled rows", sampledRows) : "");
    }

    private static String typicalLabel(RunSpec spec) {
        String longest = "Answer";
        for (String label : spec.labels().labels()) {
            if (label.length() > longest.length()) {
                longest = label;
            }
        }
        return longest;
    }
}
