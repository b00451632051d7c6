package io.arbiter.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The demo model answers a request with response_format in the JSON asked for, built from its text reply; with the
 * fault plan's no-structured it refuses the parameter as OpenAI does for a model without structured outputs.
 */
class StructuredReplyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERDICT_SCHEMA =
            """
            {"type": "json_schema", "json_schema": {"name": "verdict", "strict": true, "schema": {"type": "object",
             "properties": {"reasoning": {"type": "string"}, "prediction": {"type": "string"},
                            "evaluation": {"type": "string", "enum": ["Correct", "Incorrect"]}},
             "required": ["reasoning", "prediction", "evaluation"], "additionalProperties": false}}}
            """;
    private static final String SCORE_SCHEMA =
            """
            {"type": "json_schema", "json_schema": {"name": "score", "strict": true, "schema": {"type": "object",
             "properties": {"score": {"type": "integer"%s}, "reasoning": {"type": "string"}},
             "required": ["score", "reasoning"], "additionalProperties": false}}}
            """;

    @Test
    void aVerdictSchemaGetsTheLabelCorrectReplySplitInTheSchemasOrder() throws Exception {
        JsonNode reply = shape(VERDICT_SCHEMA, "Answer: Drama, correct");

        assertEquals(
                "{\"reasoning\":\"\",\"prediction\":\"Answer: Drama\",\"evaluation\":\"Correct\"}", reply.toString());
        assertEquals(
                "{\"reasoning\":\"The heist decides it.\",\"prediction\":\"Crime\",\"evaluation\":\"Incorrect\"}",
                shape(VERDICT_SCHEMA, "The heist decides it.\nCrime,Incorrect").toString());
    }

    @Test
    void aReplyThatDoesNotSplitLeavesThePredictionEmptySoItStaysUnparsed() throws Exception {
        assertEquals(
                "{\"reasoning\":\"I cannot decide.\",\"prediction\":\"\",\"evaluation\":\"Incorrect\"}",
                shape(VERDICT_SCHEMA, "I cannot decide.").toString());
    }

    @Test
    void aScoreSchemaTakesTheFinalScoreAndTheReasoningBeforeIt() throws Exception {
        String schema = SCORE_SCHEMA.formatted("");

        assertEquals(
                "{\"score\":4,\"reasoning\":\"Covers the refund, misses the deadline.\"}",
                shape(schema, "Covers the refund, misses the deadline.\nScore: 4")
                        .toString());
        assertEquals(
                "{\"score\":2,\"reasoning\":\"Rude. Score: 5 at first, then\"}",
                shape(schema, "Rude. Score: 5 at first, then [[2]]").toString());
    }

    @Test
    void aScoreReplyWithoutAScoreTakesTheMiddleOfTheRange() throws Exception {
        // Worked by hand: 1-5 gives 1 + (5 - 1) / 2 = 3; 0-10 gives 0 + 10 / 2 = 5.
        assertEquals(
                3, shape(SCORE_SCHEMA.formatted(""), "No idea.").get("score").asInt());
        assertEquals(
                5,
                shape(SCORE_SCHEMA.formatted(", \"minimum\": 0, \"maximum\": 10"), "No idea.")
                        .get("score")
                        .asInt());
        assertEquals(
                "No idea.",
                shape(SCORE_SCHEMA.formatted(""), "No idea.").get("reasoning").asText());
    }

    @Test
    void jsonObjectGetsAnObjectTextStaysTextAndAnUnknownTypeIsRefused() throws Exception {
        assertEquals(
                "{\"answer\":\"Drama\"}",
                shape("{\"type\": \"json_object\"}", "Drama").toString());
        assertEquals("Drama", StructuredReply.shape(body("{\"type\": \"text\"}"), "Drama"));
        assertEquals("Drama", StructuredReply.shape(JSON.readTree("{\"model\": \"m\"}"), "Drama"));
        ApiError unknown = assertThrows(ApiError.class, () -> shape("{\"type\": \"yaml\"}", "Drama"));
        assertEquals(400, unknown.status());
    }

    @Test
    void theServerAnswersInTheSchemaAndCountsWhatAskedForIt() throws Exception {
        try (OfflineServer server = OfflineServer.start(0)) {
            HttpResponse<String> structured = post(server, judgeBody(VERDICT_SCHEMA));
            HttpResponse<String> plain = post(server, judgeBody(null));

            assertEquals(200, structured.statusCode(), structured.body());
            JsonNode verdict = JSON.readTree(JSON.readTree(structured.body())
                    .at("/choices/0/message/content")
                    .asText());
            assertEquals(
                    plain(plain),
                    verdict.get("prediction").asText() + ","
                            + verdict.get("evaluation").asText());
            assertEquals(1, server.counters().structuredAsked());
        }
    }

    @Test
    void noStructuredRefusesTheParameterAsOpenAiDoesAndAnswersPlainRequests() throws Exception {
        try (OfflineServer server = OfflineServer.builder()
                .port(0)
                .faults(FaultPlan.parse("no-structured=always"))
                .start()) {
            HttpResponse<String> refused = post(server, judgeBody(VERDICT_SCHEMA));
            HttpResponse<String> plain = post(server, judgeBody(null));

            assertEquals(400, refused.statusCode());
            JsonNode error = JSON.readTree(refused.body()).get("error");
            assertEquals("response_format", error.get("param").asText());
            assertEquals("invalid_request_error", error.get("type").asText());
            assertTrue(
                    error.get("message")
                            .asText()
                            .startsWith("Invalid parameter: 'response_format' of type 'json_schema'"),
                    error.get("message").asText());
            assertEquals(200, plain.statusCode());
            assertEquals(1, server.counters().faults(FaultPlan.Kind.NO_STRUCTURED));
            assertEquals(1, server.counters().structuredAsked());
        }
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("no-structured=0.5"));
    }

    private static JsonNode shape(String responseFormat, String text) throws Exception {
        return JSON.readTree(StructuredReply.shape(body(responseFormat), text));
    }

    private static JsonNode body(String responseFormat) throws Exception {
        return JSON.readTree("{\"model\": \"offline-demo-judge\", \"response_format\": " + responseFormat + "}");
    }

    private static String judgeBody(String responseFormat) {
        String messages = "[{\"role\": \"system\", \"content\": \"Allowed genres: Action, Comedy, Crime, Drama, "
                + "Western. Reply as Prediction,Evaluation with Correct or Incorrect.\"}, {\"role\": \"user\", "
                + "\"content\": \"A sheriff rides into a lawless frontier town. Answer: \\\"Western\\\"\"}]";
        return "{\"model\": \"offline-demo-judge\", \"messages\": " + messages
                + (responseFormat == null ? "" : ", \"response_format\": " + responseFormat) + "}";
    }

    private static String plain(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).at("/choices/0/message/content").asText();
    }

    private static HttpResponse<String> post(OfflineServer server, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
