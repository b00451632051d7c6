package io.arbiter.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.arbiter.offline.OfflineServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client against the embedded OpenAI-compatible server on 127.0.0.1, as the app reaches every provider. */
class OpenAiChatClientTest {

    private static final String SECRET = "secret-key";
    private static final String BASE = "offline-demo-base";
    private static final String JUDGE = "offline-demo-judge";

    private OfflineServer server;
    private OpenAiChatClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void refusedKeyStopsTheRunWithA401Message() throws ChatFailure {
        server = OfflineServer.start(0, SECRET);
        client = new OpenAiChatClient(profile(server.baseUrl().toString(), null));

        ChatFailure failure = assertThrows(ChatFailure.class, () -> client.complete(request(BASE)));

        assertTrue(failure.stopsRun());
        assertTrue(failure.getMessage().contains("refused the API key (401)"), failure.getMessage());
        assertTrue(failure.getMessage().contains(server.baseUrl().toString()), failure.getMessage());
        assertNoSecret(failure);
    }

    @Test
    void refusedKeyAlsoStopsListingModels() throws ChatFailure {
        server = OfflineServer.start(0, SECRET);
        client = new OpenAiChatClient(profile(server.baseUrl().toString(), null));

        ChatFailure failure = assertThrows(ChatFailure.class, () -> client.models());

        assertTrue(failure.stopsRun());
        assertTrue(failure.getMessage().contains("(401)"), failure.getMessage());
        assertNoSecret(failure);
    }

    @Test
    void unsetKeyVariableFailsBeforeAnyRequest() {
        String variable = "ARBITER_TEST_KEY_THAT_IS_NEVER_SET";
        assumeTrue(System.getenv(variable) == null);

        ChatFailure failure =
                assertThrows(ChatFailure.class, () -> new OpenAiChatClient(profile("http://127.0.0.1:1/v1", variable)));

        assertTrue(failure.stopsRun());
        assertTrue(failure.getMessage().contains(variable), failure.getMessage());
    }

    @Test
    void providerWithoutKeyAnswersWithTextAndUsage() throws ChatFailure {
        server = OfflineServer.start(0);
        client = new OpenAiChatClient(profile(server.baseUrl().toString(), null));

        ChatReply reply = client.complete(request(BASE));

        assertFalse(reply.content().isBlank());
        assertTrue(reply.usage().promptTokens() > 0, "usage " + reply.usage());
        assertTrue(reply.usage().completionTokens() > 0, "usage " + reply.usage());
        assertEquals(1, server.chatRequests());
    }

    @Test
    void modelsListsBothDemoModels() throws ChatFailure {
        server = OfflineServer.start(0);
        client = new OpenAiChatClient(profile(server.baseUrl().toString(), null));

        List<String> models = client.models();

        assertTrue(models.containsAll(List.of(BASE, JUDGE)), "models " + models);
    }

    @Test
    void unknownModelStopsTheRunAndNamesTheModel() throws ChatFailure {
        server = OfflineServer.start(0);
        client = new OpenAiChatClient(profile(server.baseUrl().toString(), null));

        ChatFailure failure = assertThrows(ChatFailure.class, () -> client.complete(request("gpt-imaginary")));

        assertTrue(failure.stopsRun());
        assertTrue(failure.getMessage().contains("'gpt-imaginary'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("404"), failure.getMessage());
        assertEquals(0, server.chatRequests());
        assertNoSecret(failure);
    }

    @Test
    void closedPortStopsTheRunWithNothingAnswers() throws ChatFailure {
        String deadUrl;
        try (OfflineServer gone = OfflineServer.start(0)) {
            deadUrl = gone.baseUrl().toString();
        }
        client = new OpenAiChatClient(profile(deadUrl, null));

        ChatFailure failure = assertThrows(ChatFailure.class, () -> client.complete(request(BASE)));

        assertTrue(failure.stopsRun());
        assertTrue(failure.getMessage().startsWith("Nothing answers at " + deadUrl), failure.getMessage());
        assertNoSecret(failure);
    }

    @Test
    @Timeout(60) // a guard: without a timeout over the body the read below would wait for minutes
    void replyWhoseBodyStopsHalfwayTimesOutWithinTheLimit() throws Exception {
        try (ServerSocket stalling = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CountDownLatch sent = new CountDownLatch(1);
            Thread answerer = new Thread(() -> {
                try (Socket socket = stalling.accept()) {
                    socket.getOutputStream()
                            .write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n"
                                            + "{\"id\":\"chatcmpl-stall\",")
                                    .getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    sent.countDown();
                    socket.getInputStream().readAllBytes(); // holds the connection open until the client gives up
                } catch (IOException e) {
                    // the client closed the connection: what this test waits for
                }
            });
            answerer.setDaemon(true);
            answerer.start();
            client = new OpenAiChatClient(profile("http://127.0.0.1:" + stalling.getLocalPort() + "/v1", null));

            ChatFailure failure =
                    assertThrows(ChatFailure.class, () -> client.complete(request(BASE), Duration.ofMillis(500)));

            assertEquals(0, sent.getCount(), "the headers and the start of the body went out");
            assertTrue(failure.getMessage().startsWith("No answer from"), failure.getMessage());
            assertTrue(failure.getMessage().contains("within 0.5 s"), failure.getMessage());
        }
    }

    private static void assertNoSecret(ChatFailure failure) {
        assertFalse(failure.getMessage().contains(SECRET), failure.getMessage());
    }

    private static ProviderProfile profile(String baseUrl, String apiKeyEnv) {
        return new ProviderProfile("Offline test", baseUrl, apiKeyEnv, BASE, JUDGE, 0.0, 32, 1);
    }

    private static ChatRequest request(String model) {
        return new ChatRequest(
                model,
                "Choose one genre from: Drama, Western, Comedy. Reply with the genre only.",
                "A sheriff and a young outlaw ride across the frontier to stop cattle rustlers.",
                0.0,
                32);
    }
}
