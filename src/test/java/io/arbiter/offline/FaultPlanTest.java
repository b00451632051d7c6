package io.arbiter.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.offline.FaultPlan.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void parsesTheDocumentedExample() {
        FaultPlan plan = FaultPlan.parse("429=0.05:retry-after=1,500=0.02,503=0.02,reset=0.01,slow=0.05:2000ms,"
                + "malformed=0.02,batch-validation-fail=once,batch-expire-after=0.5");
        assertEquals(0.05, plan.rate(Kind.RATE_LIMIT));
        assertEquals(1, plan.retryAfterSeconds());
        assertEquals(0.02, plan.rate(Kind.SERVER_ERROR));
        assertEquals(0.02, plan.rate(Kind.UNAVAILABLE));
        assertEquals(0.01, plan.rate(Kind.RESET));
        assertEquals(0.05, plan.rate(Kind.SLOW));
        assertEquals(Duration.ofMillis(2000), plan.slowDelay());
        assertEquals(0.02, plan.rate(Kind.MALFORMED));
        assertEquals(1, plan.validationFailures());
        assertEquals(0.5, plan.expireAfter().orElseThrow());
        assertEquals(1, plan.expiries());
        assertEquals(3, plan.maxFaultsPerRequest());
    }

    @Test
    void parsesTheHangAndTheBatchOutputFaults() {
        FaultPlan plan = FaultPlan.parse("hang=0.1,batch-missing-lines=0.2:always,batch-unknown-lines=3,"
                + "batch-duplicate-lines=0.05,batch-stuck=2");
        assertEquals(0.1, plan.rate(Kind.HANG));
        assertEquals(new BatchOutputFaults(0.2, Integer.MAX_VALUE, 3, 0.05, 2), plan.batchOutput());
        assertEquals(1, FaultPlan.parse("batch-missing-lines=0.5").batchOutput().missingCount(), "once by default");
        assertEquals(BatchOutputFaults.NONE, FaultPlan.NONE.batchOutput());
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("batch-missing-lines=1.5"));
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("batch-unknown-lines=-1"));
    }

    @Test
    void parsesOptionsAndCounts() {
        FaultPlan plan = FaultPlan.parse("quota=0.1, slow=0.2:1.5s, batch-validation-fail=always,"
                + " batch-expire-after=0.25:3, seed=7, max-faults=5");
        assertEquals(0.1, plan.rate(Kind.INSUFFICIENT_QUOTA));
        assertEquals(Duration.ofMillis(1500), plan.slowDelay());
        assertEquals(Integer.MAX_VALUE, plan.validationFailures());
        assertEquals(3, plan.expiries());
        assertEquals(7, plan.seed());
        assertEquals(5, plan.maxFaultsPerRequest());
    }

    @Test
    void noneAndBlankMeanNoFaults() {
        assertEquals(FaultPlan.NONE, FaultPlan.parse("none"));
        assertEquals(FaultPlan.NONE, FaultPlan.parse(" "));
        assertTrue(FaultPlan.NONE.realtimeQuiet());
    }

    @Test
    void badItemsAreNamed() {
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("500=0.1,teapot=0.2"));
        assertTrue(unknown.getMessage().contains("teapot"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("500=0.7,503=0.6"));
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("reset=1.5"));
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("429"));
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("429=0.1:wait=3"));
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("batch-expire-after=1"));
    }
}
