package io.arbiter.core.run;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.llm.TokenCounter;
import io.arbiter.core.llm.TokenPrices;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.prompt.RenderedPrompt;
import io.arbiter.core.prompt.RowPrompts;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What a run will cost before it is sent: input and output tokens per stage, counted on the rendered prompts of up
 * to {@link #SAMPLE_ROWS} rows spread over the dataset and scaled to all of them, and the price at the rates given.
 * A pairwise run counts each request it sends: a generated pair's two answers (A from the base prompt, B from prompt
 * B; none when both are in the dataset) and the judge once per order asked.
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
        RowPrompts prompts = prompts(spec, spec.prompts());
        boolean pair = spec.pairwise();
        // A pair over two answer columns sends no base request; a generated one sends two a row.
        RowPrompts promptsB = spec.secondBase()
                .map(b ->
                        prompts(spec, new PromptPair(b.prompt(), spec.prompts().judge())))
                .orElse(null);
        boolean sendsBase = !(pair && spec.mapping().judgeOnly());
        // Judge requests per row: a pair's two orders, or every vote of a jury and its repeats (one for one judge
        // once).
        int orders = spec.stages().contains(Stage.JUDGE_BA)
                ? 2
                : spec.panel().votes().size();
        String typicalAnswer = typicalLabel(spec);
        int sample = Math.min(rows, SAMPLE_ROWS);
        long baseIn = 0;
        long judgeIn = 0;
        for (int i = 0; i < sample; i++) {
            int row = (int) ((long) i * rows / sample); // spread over the file, not just its head
            RenderedPrompt judge =
                    pair ? prompts.judgePair(row, typicalAnswer, typicalAnswer) : prompts.judge(row, typicalAnswer);
            judgeIn += (long) orders * TokenCounter.prompt(judge.system(), judge.user());
            if (sendsBase) {
                RenderedPrompt base = prompts.base(row);
                baseIn += TokenCounter.prompt(base.system(), base.user());
            }
            if (sendsBase && promptsB != null) {
                RenderedPrompt baseB = promptsB.base(row);
                baseIn += TokenCounter.prompt(baseB.system(), baseB.user());
            }
        }
        double scale = (double) rows / sample;
        int answers = !sendsBase ? 0 : promptsB != null ? 2 : 1;
        int answerTokens = TokenCounter.count(typicalAnswer) + 1;
        int verdictTokens = TokenCounter.count(typicalAnswer + ",Incorrect") + 1;
        return new RunEstimate(
                rows,
                sample,
                Math.round(baseIn * scale),
                (long) answers * answerTokens * rows,
                Math.round(judgeIn * scale),
                (long) orders * verdictTokens * rows);
    }

    private static RowPrompts prompts(RunSpec spec, PromptPair pair) {
        return new RowPrompts(
                spec.dataset(),
                spec.mapping(),
                pair,
                spec.labels(),
                spec.examples(),
                spec.scheme()::exampleAnswer,
                spec.scheme().promptValues());
    }

    /** This estimate less what the cache already answers: those rows' requests are not sent again. */
    public RunEstimate less(CachedRows cached) {
        double base = 1 - cached.baseShare();
        double judge = 1 - cached.judgeShare();
        return new RunEstimate(
                rows,
                sampledRows,
                Math.round(baseInput * base),
                Math.round(baseOutput * base),
                Math.round(judgeInput * judge),
                Math.round(judgeOutput * judge));
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

    /**
     * The price of what is left to send once {@code cached} is taken off, with each juror's votes at its own
     * provider's prices ({@link JurorPrices}), as a finished run of a {@code jurors}-strong panel is priced: every
     * juror casts as many votes on the same prompts, so each has an equal share of the judge's tokens, less the share
     * of its own votes the cache answers. Empty when a rate it needs is unknown.
     */
    public OptionalDouble cost(JurorPrices prices, int jurors, CachedRows cached) {
        double baseLeft = 1 - cached.baseShare();
        Usage base = new Usage(Math.round(baseInput * baseLeft), Math.round(baseOutput * baseLeft));
        Usage[] parts = new Usage[jurors];
        Usage judge = Usage.NONE;
        for (int juror = 0; juror < jurors; juror++) {
            double left = (1 - cached.jurorShare(juror, jurors)) / jurors;
            parts[juror] = new Usage(Math.round(judgeInput * left), Math.round(judgeOutput * left));
            judge = judge.plus(parts[juror]);
        }
        return prices.cost(base, judge, juror -> parts[juror]);
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
