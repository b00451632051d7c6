package io.arbiter.core.llm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The warm-up must really run the SDK's codec: if an SDK upgrade stops it reading the sample reply, this fails. */
class SdkWarmUpTest {

    @Test
    void theSdkCodecReadsTheWarmUpReplyWithoutAnyServer() {
        assertTrue(SdkWarmUp.ensure());
        assertTrue(SdkWarmUp.ensure(), "a second call only returns the first result");
    }
}
