package io.arbiter.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Chat completion bodies as providers send them, read into an answer, its reasoning, or an error that says why. */
class ChatReplyReaderTest {

    private static final String KEY = "sk-live-canary-0123456789abcdef";

    @Test
    void aPlainAnswerIsReadWithItsUsage() throws ChatFailure {
        ChatReply reply = read(completion("\"Drama\"", "stop", ""));

        assertEquals("Drama", reply.content());
        assertNull(reply.reasoning());
        assertEquals(new Usage(40, 2), reply.usage());
    }

    @Test
    void aThinkBlockIsKeptApartAndTheAnswerAfterItIsWhatIsRead() throws ChatFailure {
        ChatReply reply = read(completion("\"<think>\\nComedy? No, darker.\\n</think>\\n\\nDrama\"", "stop", ""));

        assertEquals("Drama", reply.content());
        assertEquals("Comedy? No, darker.", reply.reasoning());
    }

    @Test
    void reasoningThatOnlyEndsWithAClosingTagIsKeptApartToo() throws ChatFailure {
        ChatReply reply = read(completion("\"The plot is about a heist.</think>\\nCrime\"", "stop", ""));

        assertEquals("Crime", reply.content());
        assertEquals("The plot is about a heist.", reply.reasoning());
    }

    @Test
    void reasoningFieldsAreKeptAsReasoning() throws ChatFailure {
        ChatReply deepSeek = read(completion("\"Drama\"", "stop", ",\"reasoning_content\":\"weighing genres\""));
        ChatReply openRouter = read(completion("\"Drama\"", "stop", ",\"reasoning\":\"thinking it over\""));

        assertEquals("Drama", deepSeek.content());
        assertEquals("weighing genres", deepSeek.reasoning());
        assertEquals("thinking it over", openRouter.reasoning());
    }

    @Test
    void aRefusalIsTheRowsErrorInTheProvidersWordsAndNotRetried() {
        ChatFailure failure = assertThrows(
                ChatFailure.class, () -> read(completion("null", "stop", ",\"refusal\":\"I can't help with that.\"")));

        assertEquals("refused: I can't help with that.", failure.getMessage());
        assertFalse(failure.retryable());
        assertFalse(RetryingChatClient.worthRetrying(failure));
        assertTrue(failure.rawBody().orElseThrow().contains("I can't help with that."));
        assertEquals(new Usage(40, 2), failure.usage(), "a refusal was paid for");
    }

    @Test
    void aCutOffAtMaxTokensNamesTheLimitAndIsNotRetried() {
        ChatFailure partial = assertThrows(
                ChatFailure.class, () -> ChatReplyReader.read(bytes(completion("\"Dra\"", "length", "")), 16, null));
        ChatFailure empty = assertThrows(
                ChatFailure.class, () -> ChatReplyReader.read(bytes(completion("\"\"", "length", "")), 16, null));

        assertEquals("cut off at max tokens (16); raise Max tokens", partial.getMessage());
        assertEquals("cut off at max tokens (16); raise Max tokens", empty.getMessage());
        assertFalse(RetryingChatClient.worthRetrying(partial));
    }

    @Test
    void aCutOffWithoutTheRequestsLimitNamesTheTokensTheProviderCapped() throws Exception {
        var body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(completion("\"Dra\"", "length", ""));

        ChatFailure failure =
                assertThrows(ChatFailure.class, () -> ChatReplyReader.read(body, 0, null, body::toString));

        assertEquals("cut off at max tokens (2); raise Max tokens", failure.getMessage());
    }

    @Test
    void contentAsTextPartsIsJoined() throws ChatFailure {
        ChatReply reply = read(
                completion("[{\"type\":\"text\",\"text\":\"Dra\"},{\"type\":\"text\",\"text\":\"ma\"}]", "stop", ""));

        assertEquals("Drama", reply.content());
    }

    @Test
    void thinkingPartsGoToReasoning() throws ChatFailure {
        ChatReply reply = read(completion(
                "[{\"type\":\"thinking\",\"thinking\":\"hmm\"}," + "{\"type\":\"text\",\"text\":\"Drama\"}]",
                "stop",
                ""));

        assertEquals("Drama", reply.content());
        assertEquals("hmm", reply.reasoning());
    }

    @Test
    void anErrorObjectInA200IsRetriedOnlyWhenItsCodeSaysSo() {
        ChatFailure overloaded = assertThrows(
                ChatFailure.class,
                () -> read("{\"error\":{\"message\":\"Upstream overloaded\",\"type\":\"server_error\",\"code\":502}}"));
        ChatFailure rateLimited = assertThrows(
                ChatFailure.class,
                () -> read("{\"error\":{\"message\":\"Slow down\",\"code\":\"rate_limit_exceeded\"}}"));
        ChatFailure filtered = assertThrows(
                ChatFailure.class,
                () -> read(
                        "{\"error\":{\"message\":\"Flagged by the content filter\",\"type\":\"invalid_request_error\","
                                + "\"code\":\"content_filter\"}}"));

        assertTrue(RetryingChatClient.worthRetrying(overloaded));
        assertTrue(overloaded.getMessage().contains("Upstream overloaded"), overloaded.getMessage());
        assertTrue(RetryingChatClient.worthRetrying(rateLimited));
        assertFalse(RetryingChatClient.worthRetrying(filtered));
        assertEquals(
                "The provider answered with an error (content_filter): Flagged by the content filter",
                filtered.getMessage());
    }

    @Test
    void anExhaustedQuotaInA200StopsTheRun() {
        ChatFailure quota = assertThrows(
                ChatFailure.class,
                () -> read(
                        "{\"error\":{\"message\":\"You exceeded your current quota\",\"code\":\"insufficient_quota\"}}"));

        assertTrue(quota.stopsRun());
    }

    @Test
    void invalidUtf8IsDecodedWithReplacementCharactersAndKept() throws ChatFailure {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(completion("\"Drama\\nBAD\"", "stop", "").getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();
        byte[] withBadBytes = new String(bytes, StandardCharsets.ISO_8859_1)
                .replace("BAD", "\u00C3(\u00FF")
                .getBytes(StandardCharsets.ISO_8859_1);

        ChatReply reply = ChatReplyReader.read(withBadBytes, 64, null);

        assertEquals("Drama\n\uFFFD(\uFFFD", reply.content());
    }

    @Test
    void aCompleteBodyThatIsNoChatCompletionIsRecordedOnceWithItsRawText() {
        String body = "{\"object\":\"gateway.notice\",\"message\":\"received\"}";

        ChatFailure failure = assertThrows(ChatFailure.class, () -> read(body));

        assertFalse(RetryingChatClient.worthRetrying(failure));
        assertTrue(failure.getMessage().contains("could not be read as a chat completion"), failure.getMessage());
        assertEquals(Optional.of(body), failure.rawBody());
    }

    @Test
    void htmlFromAProxyIsUnreadableNotRetried() {
        ChatFailure failure = assertThrows(ChatFailure.class, () -> read("<html><body>Bad gateway</body></html>"));

        assertFalse(RetryingChatClient.worthRetrying(failure));
        assertTrue(failure.rawBody().orElseThrow().contains("Bad gateway"));
    }

    @Test
    void aBodyCutOffInTransitStaysRetryable() {
        String whole = completion("\"Drama\"", "stop", "");

        ChatFailure cut = assertThrows(ChatFailure.class, () -> read(whole.substring(0, whole.length() / 2)));
        ChatFailure empty = assertThrows(ChatFailure.class, () -> read(""));

        assertTrue(RetryingChatClient.worthRetrying(cut), cut.getMessage());
        assertTrue(RetryingChatClient.worthRetrying(empty), empty.getMessage());
    }

    @Test
    void aBodyCutAnywhereIsRetryableAndNeverRecordedAsUnreadable() {
        String whole = "{\"id\":\"x\",\"ok\":true,\"n\":null,\"f\":12.5e3,\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":\"Dr\\u00e9ma\\n\"}}],\"usage\":{\"prompt_tokens\":1}}";
        for (int cut = 0; cut < whole.length(); cut++) {
            String part = whole.substring(0, cut);
            ChatFailure failure = assertThrows(ChatFailure.class, () -> read(part), part);
            assertTrue(RetryingChatClient.worthRetrying(failure), "cut at " + cut + ": " + failure.getMessage());
        }
    }

    @Test
    void theRawBodyKeptIsCapped() {
        String huge = "{\"object\":\"x\",\"filler\":\"" + "a".repeat(200_000) + "\"}";

        ChatFailure failure = assertThrows(ChatFailure.class, () -> read(huge));

        String kept = failure.rawBody().orElseThrow();
        assertTrue(kept.length() < ChatReplyReader.RAW_LIMIT + 100, "kept " + kept.length());
        assertTrue(kept.endsWith("more characters not kept)"), kept.substring(kept.length() - 60));
    }

    @Test
    void theKeyInUseIsRedactedFromWhatIsKeptAndShown() {
        ChatFailure failure = assertThrows(
                ChatFailure.class,
                () -> ChatReplyReader.read(
                        bytes("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
                                + "\",\"code\":\"invalid_api_key\"}}"),
                        16,
                        KEY));

        assertFalse(failure.getMessage().contains(KEY), failure.getMessage());
        assertFalse(failure.rawBody().orElseThrow().contains(KEY));
        assertTrue(failure.getMessage().contains("sk-" + Redaction.REDACTED), failure.getMessage());
    }

    @Test
    void noChoicesIsTheProvidersAnswerNotARetry() {
        ChatFailure failure = assertThrows(ChatFailure.class, () -> read("{\"choices\":[],\"usage\":null}"));

        assertEquals("The provider answered with no choices.", failure.getMessage());
        assertFalse(RetryingChatClient.worthRetrying(failure));
    }

    private static ChatReply read(String body) throws ChatFailure {
        return ChatReplyReader.read(bytes(body), 64, null);
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** A chat.completion body with the given content JSON, finish reason and extra message fields. */
    static String completion(String contentJson, String finishReason, String moreMessageFields) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{"
                + "\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + contentJson + moreMessageFields
                + "},\"finish_reason\":\"" + finishReason + "\"}],"
                + "\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":2,\"total_tokens\":42}}";
    }
}
