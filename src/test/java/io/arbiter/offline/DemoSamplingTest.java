package io.arbiter.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The demo judge honours temperature with a seed: reproducible per seed, unchanged at temperature 0. */
class DemoSamplingTest {

    @Test
    void atTemperatureZeroNothingChanges() {
        for (int seed = 0; seed < 50; seed++) {
            assertEquals("Drama,Correct", DemoSampling.vary("Drama,Correct", body(0.0, seed), "prompt"));
        }
    }

    @Test
    void aboveZeroSomeVerdictsTurnAndTheSameSeedAlwaysGivesTheSameReply() {
        int turned = 0;
        for (int seed = 0; seed < 400; seed++) {
            String once = DemoSampling.vary("Drama,Correct", body(1.0, seed), "prompt " + seed);
            assertEquals(once, DemoSampling.vary("Drama,Correct", body(1.0, seed), "prompt " + seed));
            if (once.equals("Drama,Incorrect")) {
                turned++;
            } else {
                assertEquals("Drama,Correct", once);
            }
        }
        // 0.15 per degree of temperature: about 60 of 400.
        assertTrue(turned > 35 && turned < 90, "turned " + turned);
    }

    @Test
    void aScoreMovesOnePointAndAnythingElseStays() {
        boolean moved = false;
        for (int seed = 0; seed < 100; seed++) {
            String reply = DemoSampling.vary("Fine.\nScore: 3", body(2.0, seed), "p");
            assertTrue(reply.matches("Fine\\.\\nScore: [234]"), reply);
            moved |= !reply.endsWith("3");
            assertEquals("I cannot decide.", DemoSampling.vary("I cannot decide.", body(2.0, seed), "p"));
        }
        assertTrue(moved);
    }

    private static ObjectNode body(double temperature, int seed) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("temperature", temperature);
        body.put("seed", seed);
        return body;
    }

    @Test
    void aMovedScoreStaysOnTheScale() {
        for (int seed = 0; seed < 200; seed++) {
            assertTrue(DemoSampling.vary("Score: 5", body(2.0, seed), "p", 1, 5).matches("Score: [45]"));
            assertTrue(DemoSampling.vary("Score: 1", body(2.0, seed), "p", 1, 5).matches("Score: [12]"));
        }
    }
}
