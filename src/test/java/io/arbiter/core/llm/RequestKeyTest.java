package io.arbiter.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestKeyTest {

    private static final String URL = "https://api.openai.com/v1";
    private static final ChatRequest REQUEST =
            new ChatRequest("gpt-4o-mini", "Reply with one genre.", "A sheriff rides.", 0.0, 256);

    @Test
    void equalRequestsGiveEqualKeys() {
        ChatRequest copy =
                new ChatRequest(new String("gpt-4o-mini"), "Reply with one genre.", "A sheriff rides.", 0.0, 256);

        assertEquals(RequestKey.of(URL, REQUEST), RequestKey.of(URL, copy));
        assertEquals(RequestKey.of(URL, REQUEST), RequestKey.of(URL + "/", REQUEST));
        assertEquals(
                RequestKey.of(URL, REQUEST),
                RequestKey.of(
                        URL, new ChatRequest("gpt-4o-mini", "Reply with one genre.", "A sheriff rides.", -0.0, 256)));
    }

    @Test
    void keyIsStableAcrossRunsAndJvms() {
        // Pinned: if this changes, every cache and ledger written before stops matching.
        assertEquals(PINNED, RequestKey.of(URL, REQUEST));
    }

    @Test
    void aStructuredRequestsKeyIsStableToo() {
        // Pinned with the response format's JSON text hashed as it was before that text was kept per schema.
        OutputSchema schema = new OutputSchema(
                "verdict",
                "{\"type\":\"object\",\"properties\":{\"verdict\":{\"type\":\"string\"}},"
                        + "\"required\":[\"verdict\"],\"additionalProperties\":false}");
        String pinned = "c48b7dbc19e85c7a2a8e8252e2cf67224f98add8bc3d79c0efa00ca2f28b85bc";
        assertEquals(pinned, RequestKey.of(URL, REQUEST.withOutputSchema(schema)));
        assertEquals(pinned, RequestKey.of(URL, REQUEST.withOutputSchema(schema)), "the kept text the second time");
    }

    @Test
    void anyChangeInAnyFieldChangesTheKey() {
        List<String> keys = List.of(
                RequestKey.of(URL, REQUEST),
                RequestKey.of("https://api.groq.com/openai/v1", REQUEST),
                RequestKey.of(URL, new ChatRequest("gpt-4o", REQUEST.system(), REQUEST.user(), 0.0, 256)),
                RequestKey.of(URL, new ChatRequest(REQUEST.model(), REQUEST.system(), REQUEST.user(), 0.7, 256)),
                RequestKey.of(URL, new ChatRequest(REQUEST.model(), REQUEST.system(), REQUEST.user(), 0.0, 257)),
                RequestKey.of(URL, new ChatRequest(REQUEST.model(), "Reply with one genre!", REQUEST.user(), 0.0, 256)),
                RequestKey.of(URL, new ChatRequest(REQUEST.model(), REQUEST.system(), "A sheriff rides!", 0.0, 256)),
                RequestKey.of(URL, new ChatRequest(REQUEST.model(), null, REQUEST.user(), 0.0, 256)),
                RequestKey.of(URL, new ChatRequest(REQUEST.model(), "", REQUEST.user(), 0.0, 256)));
        Set<String> distinct = new HashSet<>(keys);

        assertEquals(keys.size(), distinct.size(), "keys " + keys);
    }

    @Test
    void theSameRequestAskedAgainGetsItsOwnKeyForEachProvider() {
        String first = RequestKey.of(URL, REQUEST);
        String again = RequestKey.of(URL, REQUEST); // the thread's last key
        String elsewhere = RequestKey.of("http://other.example/v1", REQUEST);
        String another = RequestKey.of(URL, new ChatRequest(REQUEST.model(), REQUEST.system(), "Other.", 0.0, 256));

        assertEquals(first, again);
        assertNotEquals(first, elsewhere);
        assertNotEquals(first, another);
        assertEquals(first, RequestKey.of(URL, REQUEST), "worked out again after another request");
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        ChatRequest a = new ChatRequest("m", "ab", "c", 0.0, 1);
        ChatRequest b = new ChatRequest("m", "a", "bc", 0.0, 1);

        assertNotEquals(RequestKey.of(URL, a), RequestKey.of(URL, b));
        assertTrue(RequestKey.of(URL, a).matches("[0-9a-f]{64}"));
    }

    private static final String PINNED = "8b01b741b4bc636e24de95c0456f29efd1b5ac15078d9751bce203cfd7609cab";

    @Test
    void aRepeatsSeedMakesAnotherRequestAndNoSeedKeepsTheKeyItHad() {
        assertEquals(PINNED, RequestKey.of(URL, REQUEST.withSeed(null)));
        assertNotEquals(RequestKey.of(URL, REQUEST), RequestKey.of(URL, REQUEST.withSeed(1)));
        assertNotEquals(RequestKey.of(URL, REQUEST.withSeed(1)), RequestKey.of(URL, REQUEST.withSeed(2)));
        assertEquals(RequestKey.of(URL, REQUEST.withSeed(2)), RequestKey.of(URL, REQUEST.withSeed(2)));
    }
}
