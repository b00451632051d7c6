package io.arbiter.core.llm;

import java.util.OptionalDouble;

/**
 * What a provider charges per million tokens, as providers publish their prices: input and output priced apart, for
 * the base and the judge model. A price is null when the user has not given it.
 */
public record TokenPrices(
        Double baseInputPerMillion,
        Double baseOutputPerMillion,
        Double judgeInputPerMillion,
        Double judgeOutputPerMillion) {

    public static final TokenPrices UNKNOWN = new TokenPrices(null, null, null, null);
    /** The offline demo model and local servers: nothing to pay. */
    public static final TokenPrices FREE = new TokenPrices(0.0, 0.0, 0.0, 0.0);
    /** What a Batch API request costs of the realtime price: OpenAI's Batch API, and those like it, charge half. */
    public static final double BATCH_SHARE = 0.5;

    /** These prices at {@code share} of themselves, e.g. {@link #BATCH_SHARE}; an unknown price stays unknown. */
    public TokenPrices times(double share) {
        return new TokenPrices(
                scaled(baseInputPerMillion, share),
                scaled(baseOutputPerMillion, share),
                scaled(judgeInputPerMillion, share),
                scaled(judgeOutputPerMillion, share));
    }

    private static Double scaled(Double price, double share) {
        return price == null ? null : price * share;
    }

    /**
     * The price of these tokens; empty when a price they need is unknown. Tokens that were never sent need no price,
     * so a judge-only run (no base tokens) has a cost with only the judge's prices known.
     */
    public OptionalDouble cost(Usage base, Usage judge) {
        double[] parts = {
            part(base.promptTokens(), baseInputPerMillion), part(base.completionTokens(), baseOutputPerMillion),
            part(judge.promptTokens(), judgeInputPerMillion), part(judge.completionTokens(), judgeOutputPerMillion)
        };
        double total = 0;
        for (double part : parts) {
            if (Double.isNaN(part)) {
                return OptionalDouble.empty();
            }
            total += part;
        }
        return OptionalDouble.of(total / 1e6);
    }

    /** NaN when the price is needed and unknown. */
    private static double part(long tokens, Double perMillion) {
        if (tokens == 0) {
            return 0;
        }
        return perMillion == null ? Double.NaN : tokens * perMillion;
    }
}
