package io.arbiter.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.errors.OpenAIIoException;
import io.arbiter.offline.FaultPlan.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each realtime fault kind as a plain HTTP client sees it, and the promise that no fault is permanent. */
class OfflineServerFaultTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void rateLimitCarriesRetryAfterAndAnOpenAiErrorBody() throws Exception {
        try (OfflineServer server = serverWith("429=1:retry-after=7")) {
            HttpResponse<String> response = chat(server, 0);
            assertEquals(429, response.statusCode());
            assertEquals("7", response.headers().firstValue("Retry-After").orElseThrow());
            JsonNode error = JSON.readTree(response.body()).get("error");
            assertEquals("rate_limit_exceeded", error.get("code").asText());
            assertEquals("rate_limit_exceeded", error.get("type").asText());
            assertEquals(1, server.counters().faults(Kind.RATE_LIMIT));
        }
    }

    @Test
    void insufficientQuotaIsA429WithItsOwnCode() throws Exception {
        try (OfflineServer server = serverWith("quota=1")) {
            HttpResponse<String> response = chat(server, 0);
            assertEquals(429, response.statusCode());
            assertTrue(response.headers().firstValue("Retry-After").isEmpty());
            assertEquals(
                    "insufficient_quota",
                    JSON.readTree(response.body()).at("/error/code").asText());
        }
    }

    @Test
    void serverErrorsAre500And503() throws Exception {
        try (OfflineServer server = serverWith("500=1")) {
            HttpResponse<String> response = chat(server, 0);
            assertEquals(500, response.statusCode());
            assertEquals(
                    "server_error",
                    JSON.readTree(response.body()).at("/error/type").asText());
        }
        try (OfflineServer server = serverWith("503=1")) {
            HttpResponse<String> response = chat(server, 0);
            assertEquals(503, response.statusCode());
            assertEquals(
                    "service_unavailable",
                    JSON.readTree(response.body()).at("/error/code").asText());
        }
    }

    @Test
    void malformedIsA200WhoseBodyIsNotJson() throws Exception {
        try (OfflineServer server = serverWith("malformed=1")) {
            HttpResponse<String> response = chat(server, 0);
            assertEquals(200, response.statusCode());
            assertTrue(response.body().startsWith("{"), response.body());
            assertThrows(JsonProcessingException.class, () -> JSON.readTree(response.body()));
            assertEquals(0, server.chatRequests(), "a malformed reply is not an answer");
        }
    }

    @Test
    void resetClosesTheConnectionWithoutAReply() throws Exception {
        try (OfflineServer server = serverWith("reset=1")) {
            assertThrows(IOException.class, () -> chat(server, 0));
            OpenAIClient client = OfflineServerSdkTest.clientFor(server, "test");
            try {
                // OkHttp, under the SDK, sees it too.
                assertThrows(OpenAIIoException.class, () -> client.chat()
                        .completions()
                        .create(OfflineServerSdkTest.baseRequest(BatchFixtures.model(1), BatchFixtures.synopsis(1))));
            } finally {
                client.close();
            }
            assertEquals(2, server.counters().faults(Kind.RESET));
        }
    }

    @Test
    void slowRepliesArriveLateButWhole() throws Exception {
        try (OfflineServer server = serverWith("slow=1:300ms")) {
            HttpResponse<String> response = chat(server, 0);
            assertEquals(200, response.statusCode());
            assertEquals(1, server.counters().faults(Kind.SLOW), "the reply was held back");
            assertEquals(
                    "chat.completion",
                    JSON.readTree(response.body()).get("object").asText());
            assertEquals(1, server.chatRequests());
        }
    }

    @Test
    void noRequestFailsMoreThanMaxFaultsTimes() throws Exception {
        try (OfflineServer server = serverWith("500=1,max-faults=2")) {
            assertEquals(500, chat(server, 0).statusCode());
            assertEquals(500, chat(server, 0).statusCode());
            assertEquals(200, chat(server, 0).statusCode());
            assertEquals(500, chat(server, 1).statusCode(), "another body has its own tally");
        }
    }

    @Test
    void retriesSucceedUnderAFiftyPercentFaultRate() throws Exception {
        String plan = "429=0.1:retry-after=0,500=0.1,503=0.1,reset=0.1,malformed=0.1,seed=3";
        List<Integer> firstAttempts = new ArrayList<>();
        try (OfflineServer server = serverWith(plan)) {
            int rows = 200;
            int retries = 0;
            for (int row = 0; row < rows; row++) {
                int attempt = 0;
                while (!answered(server, row)) {
                    attempt++;
                    assertTrue(attempt <= 3, "row " + row + " still failing after " + attempt + " attempts");
                }
                retries += attempt;
                firstAttempts.add(attempt);
            }
            assertTrue(retries > rows / 4, "expected many faults at 50%, saw " + retries + " retries");
            assertEquals(rows, server.chatRequests());
            assertEquals(rows, server.counters().answersById().size());
            assertEquals(0, server.counters().duplicateAnswers());
            assertEquals(rows + retries, server.counters().chatAttempts());
        }
        // Same plan, same seed, same requests: the same faults.
        try (OfflineServer again = serverWith(plan)) {
            for (int row = 0; row < 200; row++) {
                int attempt = 0;
                while (!answered(again, row)) {
                    attempt++;
                }
                assertEquals(firstAttempts.get(row), attempt, "row " + row);
            }
        }
        try (OfflineServer otherSeed = serverWith(plan.replace("seed=3", "seed=4"))) {
            List<Integer> attempts = new ArrayList<>();
            for (int row = 0; row < 200; row++) {
                int attempt = 0;
                while (!answered(otherSeed, row)) {
                    attempt++;
                }
                attempts.add(attempt);
            }
            assertNotEquals(firstAttempts, attempts);
        }
    }

    private boolean answered(OfflineServer server, int row) throws InterruptedException {
        try {
            HttpResponse<String> response = chat(server, row);
            if (response.statusCode() != 200) {
                return false;
            }
            JSON.readTree(response.body());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static OfflineServer serverWith(String plan) {
        return OfflineServer.builder().faults(FaultPlan.parse(plan)).start();
    }

    private HttpResponse<String> chat(OfflineServer server, int row) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                BatchFixtures.chatBody(row).toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
