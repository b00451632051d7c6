package io.arbiter.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenPricesTest {

    private static final TokenPrices PRICES = new TokenPrices(0.15, 0.60, 2.50, 10.00);

    @Test
    void eachStagePaysItsOwnModelsInputAndOutputPrices() {
        // base: 12,000 × 0.15 + 300 × 0.60 = 1,980; judge: 20,000 × 2.50 + 500 × 10 = 55,000; per million: 0.05698
        assertEquals(
                0.05698,
                PRICES.cost(new Usage(12_000, 300), new Usage(20_000, 500)).getAsDouble(),
                1e-12);
        // 40 × 2.50 + 500 × 10 = 5,100: output tokens at the output price, not the input one.
        assertEquals(0.0051, PRICES.cost(new Usage(0, 0), new Usage(40, 500)).getAsDouble(), 1e-12);
    }

    @Test
    void anUnknownPriceLeavesTheCostUnknownUnlessNoTokensNeedIt() {
        TokenPrices judgeOnly = new TokenPrices(null, null, 2.50, 10.00);
        assertTrue(judgeOnly.cost(new Usage(1, 0), new Usage(20_000, 500)).isEmpty());
        // A judge-only run sends nothing to the base model, so its unknown prices do not matter.
        assertEquals(0.055, judgeOnly.cost(Usage.NONE, new Usage(20_000, 500)).getAsDouble(), 1e-12);
        assertTrue(TokenPrices.UNKNOWN.cost(new Usage(10, 1), new Usage(10, 1)).isEmpty());
        assertEquals(
                0.0, TokenPrices.FREE.cost(new Usage(10, 1), new Usage(10, 1)).getAsDouble());
    }
}
