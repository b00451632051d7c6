package io.arbiter.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks the wire format and error bodies with a plain HTTP client, where the SDK would hide them. */
class OfflineServerHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private OfflineServer server;

    @BeforeEach
    void start() {
        server = OfflineServer.start(0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void bindsToLoopbackOnTheGivenEphemeralPort() {
        assertEquals(URI.create("http://127.0.0.1:" + server.port() + "/v1"), server.baseUrl());
        assertTrue(server.port() > 0);
    }

    @Test
    void malformedJsonIsABadRequestWithAnOpenAiErrorBody() throws Exception {
        HttpResponse<String> response = post("/chat/completions", "{\"model\": \"offline-demo-base\", \"messages\": [");
        assertEquals(400, response.statusCode());
        assertEquals(
                "application/json",
                response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertEquals("invalid_request_error", error.get("type").asText());
        assertTrue(error.get("message").asText().contains("JSON"));
    }

    @Test
    void missingMessagesIsABadRequest() throws Exception {
        HttpResponse<String> response = post("/chat/completions", "{\"model\": \"offline-demo-base\"}");
        assertEquals(400, response.statusCode());
        assertEquals(
                "messages",
                JSON.readTree(response.body()).get("error").get("param").asText());
    }

    @Test
    void unknownPathIsNotFoundAndWrongMethodIsNotAllowed() throws Exception {
        assertEquals(404, post("/nowhere", "{}").statusCode());
        HttpResponse<String> get =
                send(HttpRequest.newBuilder(uri("/chat/completions")).GET().build());
        assertEquals(405, get.statusCode());
        assertTrue(JSON.readTree(get.body()).has("error"));
    }

    @Test
    void contentLengthMatchesTheBodyAndTheServerKeepsServingAfterErrors() throws Exception {
        post("/chat/completions", "not json");
        String body = "{\"model\":\"offline-demo-judge\",\"messages\":[{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"A ghost haunts the old house.\"}]}],\"max_tokens\":3}";
        HttpResponse<String> response = post("/chat/completions", body);
        assertEquals(200, response.statusCode());
        long length = response.headers().firstValueAsLong("Content-Length").orElseThrow();
        assertEquals(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length, length);
        JsonNode completion = JSON.readTree(response.body());
        assertEquals("chat.completion", completion.get("object").asText());
        assertTrue(completion.at("/choices/0/message/refusal").isNull());
        assertEquals("stop", completion.at("/choices/0/finish_reason").asText());
        assertEquals(1, server.chatRequests());
    }

    @Test
    void missingKeyIsUnauthorizedWhenAKeyIsRequired() throws Exception {
        try (OfflineServer guarded = OfflineServer.start(0, "sesame")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(guarded.baseUrl() + "/models"))
                    .GET()
                    .build();
            HttpResponse<String> response = send(request);
            assertEquals(401, response.statusCode());
            JsonNode error = JSON.readTree(response.body()).get("error");
            assertEquals("Incorrect API key provided", error.get("message").asText());
            assertEquals("invalid_api_key", error.get("code").asText());
        }
    }

    @Test
    void idleConnectionsOutliveOkHttpsPool() {
        // The real check takes 30 s of idling (a GET then failed through the SDK); this guards the setting.
        assertTrue(Long.getLong("sun.net.httpserver.idleInterval", 30) > 300);
    }

    @Test
    void closeStopsListening() {
        URI models = uri("/models");
        server.close();
        assertThrows(
                IOException.class,
                () -> send(HttpRequest.newBuilder(models).GET().build()));
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(server.baseUrl() + path);
    }
}
