package io.arbiter.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Keys a provider echoes back never reach a message, a log or a file. */
class RedactionTest {

    @Test
    void theKeyInUseIsRedactedWhateverItsShape() {
        String key = "Zq9x7Lk2Pw4m8Nv6Rt3y";

        String out = Redaction.redact("Key " + key + " is not valid for this model", key);

        assertFalse(out.contains(key), out);
        assertEquals("Key " + Redaction.REDACTED + " is not valid for this model", out);
    }

    @Test
    void aPrefixedKeyKeepsItsPrefixSoTheUserCanTellWhichKeyItWas() {
        String out = Redaction.redact("Incorrect API key provided: sk-proj-abc123DEF456ghi789.", null);

        assertEquals("Incorrect API key provided: sk-" + Redaction.REDACTED + ".", out);
    }

    @Test
    void bearerTokensAndAuthorizationHeadersAreRedacted() {
        String out = Redaction.redact(
                "Rejected header Authorization: Bearer abcdefghijklmnop; "
                        + "and \"authorization\":\"Basic dXNlcjpwYXNz\"; token bearer qwertyuiop12",
                null);

        assertFalse(out.contains("abcdefghijklmnop"), out);
        assertFalse(out.contains("dXNlcjpwYXNz"), out);
        assertFalse(out.contains("qwertyuiop12"), out);
        assertTrue(out.contains("Authorization: " + Redaction.REDACTED), out);
    }

    @Test
    void maskedKeysAndOtherProvidersShapesAreRedacted() {
        String out = Redaction.redact("sk-abc1****************xyz9 and gsk_4f9Q2kLm8 and xai-Q7mK2pW9z", null);

        assertFalse(out.contains("abc1"), out);
        assertFalse(out.contains("4f9Q2kLm8"), out);
        assertFalse(out.contains("Q7mK2pW9z"), out);
    }

    @Test
    void ordinaryWordsAndShortKeysAreLeftAlone() {
        assertEquals(
                "The model 'task-force-7b' does not exist.",
                Redaction.redact("The model 'task-force-7b' does not exist.", "no-key"));
        assertEquals("no key needed", Redaction.redact("no key needed", "x"));
        assertNull(Redaction.redact(null, "whatever-long-key"));
    }
}
