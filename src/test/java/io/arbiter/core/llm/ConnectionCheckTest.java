package io.arbiter.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.offline.OfflineServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionCheckTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static ProviderSettings settings(String keyEnv, String base, String judge) {
        return new ProviderSettings(
                "Test provider",
                "http://placeholder/v1",
                keyEnv,
                base,
                judge,
                0,
                64,
                null,
                4,
                0,
                0,
                true,
                null,
                null,
                null,
                null);
    }

    private static String url(OfflineServer server) {
        return server.baseUrl().toString();
    }

    @Test
    void anOpenServerListsItsModelsAndNeedsNoKey() {
        try (OfflineServer server = OfflineServer.start(0)) {
            ConnectionReport report = ConnectionCheck.run(
                    settings(null, "offline-demo-base", "offline-demo-judge"), url(server), Map.of(), TIMEOUT);

            assertTrue(report.ok(), report.text());
            assertEquals(ConnectionReport.Key.NOT_NEEDED, report.key());
            assertEquals(
                    List.of("offline-demo-base", "offline-demo-judge", "offline-demo-judge-2", "offline-demo-judge-3"),
                    report.models());
            assertEquals(
                    "Reached " + url(server) + "; no key needed; 4 models: offline-demo-base, offline-demo-judge,"
                            + " offline-demo-judge-2, offline-demo-judge-3.",
                    report.message());
            assertEquals(List.of(), report.warnings());
        }
    }

    @Test
    void aModelTheProviderDoesNotListIsWarnedAbout() {
        try (OfflineServer server = OfflineServer.start(0)) {
            ConnectionReport report = ConnectionCheck.run(
                    settings(null, "gpt-4o-mini", "offline-demo-judge"), url(server), Map.of(), TIMEOUT);

            assertTrue(report.ok());
            assertEquals(List.of("⚠ The base model 'gpt-4o-mini' is not in the provider's list."), report.warnings());
        }
    }

    @Test
    void aServerThatWantsAKeyAndGetsNoneSaysTheKeyWasRefused() {
        try (OfflineServer server = OfflineServer.start(0, "secret")) {
            ConnectionReport report = ConnectionCheck.run(
                    settings(null, "offline-demo-base", "offline-demo-judge"), url(server), Map.of(), TIMEOUT);

            assertFalse(report.ok());
            assertTrue(report.reachable());
            assertEquals(ConnectionReport.Key.REFUSED, report.key());
            assertTrue(report.message().contains("refused the API key (401)"), report.message());
        }
    }

    @Test
    void aKeyFromTheEnvironmentIsAccepted() {
        // A real variable of this process stands in for the key, since the client reads the real environment.
        Map.Entry<String, String> variable = System.getenv().entrySet().stream()
                .filter(e -> ProviderInput.isEnvironmentName(e.getKey())
                        && e.getValue().matches("[A-Za-z0-9/_.-]{3,}"))
                .findFirst()
                .orElseThrow();
        try (OfflineServer server = OfflineServer.start(0, variable.getValue())) {
            ConnectionReport report = ConnectionCheck.run(
                    settings(variable.getKey(), "offline-demo-base", "offline-demo-judge"),
                    url(server),
                    System.getenv(),
                    TIMEOUT);

            assertEquals(ConnectionReport.Key.ACCEPTED, report.key(), report.text());
            assertTrue(report.message().contains("the key was accepted; 4 models"), report.message());
            assertFalse(report.text().contains(variable.getValue()), "the key is never shown");
        }
    }

    @Test
    void anUnsetKeyVariableIsNamedAndNothingIsSent() {
        ConnectionReport report = ConnectionCheck.run(
                settings("ARBITER_TEST_UNSET_KEY", "a", "b"), "http://127.0.0.1:9/v1", Map.of(), TIMEOUT);

        assertEquals(ConnectionReport.Key.MISSING, report.key());
        assertTrue(
                report.message()
                        .startsWith(
                                "The key is read from $ARBITER_TEST_UNSET_KEY, which is not set in Arbiter's environment."),
                report.message());
    }

    @Test
    void aPastedKeyIsNotRepeated() {
        String pasted = "sk-live-0123456789abcdefABCDEF";
        ConnectionReport report =
                ConnectionCheck.run(settings(pasted, "a", "b"), "http://127.0.0.1:9/v1", Map.of(pasted, "x"), TIMEOUT);
        assertEquals(ConnectionReport.Key.MISSING, report.key());
        assertFalse(report.text().contains(pasted));
    }

    @Test
    void aClosedPortSaysNothingListensThere() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/v1";

        ConnectionReport report = ConnectionCheck.run(settings(null, "a", "b"), url, Map.of(), TIMEOUT);

        assertFalse(report.reachable());
        assertTrue(report.message().startsWith("Nothing listens at " + url), report.message());
    }

    @Test
    void aServerThatNeverAnswersTimesOutInPlainWords() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/v1";

            ConnectionReport report =
                    ConnectionCheck.run(settings(null, "a", "b"), url, Map.of(), Duration.ofMillis(500));

            assertFalse(report.reachable());
            assertTrue(report.message().startsWith("No answer from " + url + " within"), report.message());
        }
    }
}
