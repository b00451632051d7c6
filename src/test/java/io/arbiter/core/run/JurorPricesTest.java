package io.arbiter.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.TokenPrices;
import io.arbiter.core.llm.Usage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JurorPricesTest {

    private static final TokenPrices RUN = new TokenPrices(0.15, 0.60, 2.50, 10.00);
    private static final TokenPrices GROQ = new TokenPrices(null, null, 0.05, 0.08);
    private static final Usage BASE = new Usage(12_000, 300);
    /** Every juror's tokens together, as a run counts the judge's usage. */
    private static final Usage JUDGE = new Usage(30_000, 900);
    /** Juror 2's part of them. */
    private static final Usage JUROR_2 = new Usage(10_000, 400);

    @Test
    void aJurorOnAnotherProviderPaysItsPricesAndTheRestTheRuns() {
        JurorPrices prices = new JurorPrices(RUN, Arrays.asList(null, GROQ));

        // base 1,980; the run's judge 20,000 × 2.50 + 500 × 10 = 55,000; juror 2 10,000 × 0.05 + 400 × 0.08 = 532
        assertEquals(
                0.057512,
                prices.cost(BASE, JUDGE, juror -> juror == 1 ? JUROR_2 : Usage.NONE)
                        .getAsDouble(),
                1e-12);
        assertEquals(RUN, prices.juror(0));
        assertEquals(GROQ, prices.juror(1));
        assertEquals(RUN, prices.juror(2), "a juror past the list is on the run's provider");
        // The Batch API's half, each provider's of its own prices.
        assertEquals(
                0.057512 / 2,
                prices.times(TokenPrices.BATCH_SHARE)
                        .cost(BASE, JUDGE, juror -> juror == 1 ? JUROR_2 : Usage.NONE)
                        .getAsDouble(),
                1e-12);
    }

    @Test
    void everyJurorOnTheRunsProviderIsPricedAsTheRunWas() {
        JurorPrices alike = JurorPrices.alike(RUN);

        assertEquals(
                RUN.cost(BASE, JUDGE).getAsDouble(),
                alike.cost(BASE, JUDGE, juror -> JUROR_2).getAsDouble(),
                1e-12);
        assertEquals(List.of(), alike.own());
    }

    @Test
    void aJurorsUnknownPriceLeavesTheCostUnknownUnlessItSentNothing() {
        JurorPrices unknown = new JurorPrices(RUN, Arrays.asList(null, TokenPrices.UNKNOWN));

        assertTrue(unknown.cost(BASE, JUDGE, juror -> JUROR_2).isEmpty());
        assertEquals(
                RUN.cost(BASE, JUDGE).getAsDouble(),
                unknown.cost(BASE, JUDGE, juror -> Usage.NONE).getAsDouble(),
                1e-12);
    }
}
