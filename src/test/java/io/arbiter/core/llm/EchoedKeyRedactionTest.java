package io.arbiter.core.llm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.offline.FaultPlan;
import io.arbiter.offline.OfflineServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A provider that repeats the key it was sent in its error body (as some gateways do, and the offline server's
 * echo-key fault and echoRefusedKeys option do): the key never reaches a message, nor the failure's causes.
 */
class EchoedKeyRedactionTest {

    /** Not shaped like any known key, so only redaction of the key in use can catch it. */
    private static final String KEY = "canary7Qw9Zx2Lp4Mn8Rt6Ys3Uv1";

    private static final String VARIABLE = "ARBITER_ECHO_TEST_KEY";

    @Test
    void aRefusalThatEchoesTheKeyIsShownRedacted() {
        try (OfflineServer server = OfflineServer.builder()
                        .port(0)
                        .apiKey("the-key-the-server-wants")
                        .echoRefusedKeys(400)
                        .start();
                OpenAiChatClient client = new OpenAiChatClient(profile(server), KEY, 0)) {

            ChatFailure chat = assertThrows(ChatFailure.class, () -> client.complete(request()));
            ChatFailure models = assertThrows(ChatFailure.class, client::models);

            for (ChatFailure failure : new ChatFailure[] {chat, models}) {
                assertTrue(
                        failure.getMessage().contains("Incorrect API key provided: " + Redaction.REDACTED),
                        failure.getMessage());
                assertNoKeyIn(failure);
            }
        }
    }

    @Test
    void testConnectionSaysWhatTheProviderSaidWithoutTheKey() {
        try (OfflineServer server = OfflineServer.builder()
                .port(0)
                .apiKey("the-key-the-server-wants")
                .echoRefusedKeys(400)
                .start()) {
            ProviderSettings settings = new ProviderSettings(
                    "Echoing gateway",
                    server.baseUrl().toString(),
                    VARIABLE,
                    "offline-demo-base",
                    "offline-demo-judge",
                    0,
                    64,
                    null,
                    1,
                    0,
                    0,
                    false,
                    null,
                    null,
                    null,
                    null);

            ConnectionReport report = ConnectionCheck.run(
                    settings,
                    server.baseUrl().toString(),
                    new ApiKeys(Map.of(VARIABLE, KEY), InMemorySecretStore.unavailable("none here")),
                    Duration.ofSeconds(10));

            assertFalse(report.ok());
            assertTrue(report.message().contains("answered with an error"), report.message());
            assertTrue(report.message().contains(Redaction.REDACTED), report.message());
            assertFalse(report.text().contains(KEY), report.text());
        }
    }

    @Test
    void aRetriedServerErrorThatEchoesTheKeyGivesUpRedacted() {
        try (OfflineServer server = OfflineServer.builder()
                        .port(0)
                        .faults(FaultPlan.parse("echo-key=1:500,max-faults=10"))
                        .start();
                RetryingChatClient client = new RetryingChatClient(
                        new OpenAiChatClient(profile(server), KEY, 0),
                        new RetryPolicy(2, Duration.ZERO, Duration.ZERO, Duration.ZERO),
                        null)) {

            ChatFailure failure = assertThrows(ChatFailure.class, () -> client.complete(request()));

            assertTrue(failure.getMessage().contains("gave up after 2 attempts"), failure.getMessage());
            assertTrue(failure.getMessage().contains(Redaction.REDACTED), failure.getMessage());
            assertNoKeyIn(failure);
        }
    }

    private static void assertNoKeyIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(KEY), t + " holds the key");
            assertFalse(String.valueOf(t.getMessage()).contains(KEY.substring(0, 12)), t + " holds part of the key");
        }
    }

    private static ProviderProfile profile(OfflineServer server) {
        return new ProviderProfile(
                "Echoing gateway",
                server.baseUrl().toString(),
                VARIABLE,
                "offline-demo-base",
                "offline-demo-judge",
                0.0,
                32,
                1);
    }

    private static ChatRequest request() {
        return new ChatRequest(
                "offline-demo-base",
                "Choose one genre from: Drama, Western. Reply with the genre only.",
                "A sheriff rides across the frontier.",
                0.0,
                32);
    }
}
