package io.arbiter.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.offline.FaultPlan.Kind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each reply-shape fault and the echo-key fault as a plain HTTP client sees them on the wire. */
class ReplyShapeFaultTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theFaultSyntaxNamesEveryShapeAndTheEchoStatus() {
        FaultPlan plan = FaultPlan.parse("think=0.1,reasoning-field=0.1,refusal=0.1,length=0.1,error-200=0.1,"
                + "error-200-retryable=0.1,parts=0.1,bad-utf8=0.1,unreadable-200=0.1,echo-key=0.1:400");
        for (Kind kind : ReplyShapes.KINDS) {
            assertEquals(0.1, plan.rate(kind), kind.key());
        }
        assertEquals(0.1, plan.rate(Kind.ECHO_KEY));
        assertEquals(400, plan.echoKeyStatus());
        assertEquals(401, FaultPlan.parse("echo-key=1").echoKeyStatus());
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("echo-key=1:200"));
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("think=0.1:long"));
    }

    @Test
    void thinkAndReasoningFieldPutReasoningBeforeTheAnswer() throws Exception {
        JsonNode plain = body(Kind.THINK, "none");
        JsonNode think = body(Kind.THINK, "think=1");
        JsonNode field = body(Kind.REASONING_FIELD, "reasoning-field=1");

        String answer = plain.at("/choices/0/message/content").asText();
        assertEquals(
                "<think>\n" + ReplyShapes.REASONING + "\n</think>\n\n" + answer,
                think.at("/choices/0/message/content").asText());
        assertEquals(answer, field.at("/choices/0/message/content").asText());
        assertEquals(
                ReplyShapes.REASONING,
                field.at("/choices/0/message/reasoning_content").asText());
    }

    @Test
    void refusalLengthAndPartsReshapeTheMessage() throws Exception {
        JsonNode refusal = body(Kind.REFUSAL, "refusal=1");
        JsonNode length = body(Kind.LENGTH, "length=1");
        JsonNode parts = body(Kind.PARTS, "parts=1");

        assertTrue(refusal.at("/choices/0/message/content").isNull());
        assertEquals(
                ReplyShapes.REFUSAL, refusal.at("/choices/0/message/refusal").asText());
        assertEquals("length", length.at("/choices/0/finish_reason").asText());
        assertEquals(16, length.at("/usage/completion_tokens").asInt(), "the request's max_completion_tokens");
        assertTrue(parts.at("/choices/0/message/content").isArray());
        assertEquals(2, parts.at("/choices/0/message/content").size());
    }

    @Test
    void errorObjectsComeWithStatus200() throws Exception {
        HttpResponse<String> plain = send("error-200=1");
        HttpResponse<String> retryable = send("error-200-retryable=1");

        assertEquals(200, plain.statusCode());
        assertEquals(
                "content_filter", JSON.readTree(plain.body()).at("/error/code").asText());
        assertEquals(200, retryable.statusCode());
        assertEquals(502, JSON.readTree(retryable.body()).at("/error/code").asInt());
    }

    @Test
    void badUtf8IsInvalidOnTheWireAndUnreadable200IsNoCompletion() throws Exception {
        HttpResponse<byte[]> bad = sendBytes("bad-utf8=1");
        HttpResponse<String> other = send("unreadable-200=1");

        assertEquals(200, bad.statusCode());
        assertThrows(
                CharacterCodingException.class,
                () -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bad.body())));
        assertEquals(200, other.statusCode());
        JsonNode node = JSON.readTree(other.body());
        assertTrue(node.isObject());
        assertFalse(node.has("choices"));
    }

    @Test
    void echoKeyRepeatsTheAuthorizationHeaderItWasSent() throws Exception {
        try (OfflineServer server = OfflineServer.builder()
                .port(0)
                .faults(FaultPlan.parse("echo-key=1:400"))
                .start()) {
            HttpResponse<String> response = http.send(
                    request(server)
                            .header("Authorization", "Bearer canary-9f2c71ab")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(400, response.statusCode());
            String message = JSON.readTree(response.body()).at("/error/message").asText();
            assertTrue(message.contains("Incorrect API key provided: canary-9f2c71ab."), message);
            assertTrue(message.contains("Authorization: Bearer canary-9f2c71ab"), message);
        }
    }

    @Test
    void aShapedReplyIsAnAnswerTheServerCountsAndAnErrorObjectIsNot() throws Exception {
        try (OfflineServer think = OfflineFaults.start("think=1");
                OfflineServer error = OfflineFaults.start("error-200=1")) {
            http.send(request(think).build(), HttpResponse.BodyHandlers.ofString());
            http.send(request(error).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(1, think.chatRequests());
            assertEquals(0, error.chatRequests());
            assertEquals(1, think.counters().attemptsByRequest().size());
        }
    }

    private JsonNode body(Kind kind, String plan) throws Exception {
        HttpResponse<String> response = send(plan);
        assertEquals(200, response.statusCode(), kind.key());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String plan) throws Exception {
        try (OfflineServer server = OfflineFaults.start(plan)) {
            return http.send(request(server).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpResponse<byte[]> sendBytes(String plan) throws Exception {
        try (OfflineServer server = OfflineFaults.start(plan)) {
            return http.send(request(server).build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private static HttpRequest.Builder request(OfflineServer server) {
        ObjectNode body = BatchFixtures.chatBody(0);
        body.put("max_completion_tokens", 16);
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }
}
