package io.arbiter.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.client.OpenAIClient;
import com.openai.models.batches.Batch;
import io.arbiter.offline.FaultPlan.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The server's half of "nothing lost, nothing duplicated": under a plan mixing every fault, a plain client that
 * retries each failed request and resubmits what a batch did not answer gets every one of 2,000 rows answered in
 * both stages (realtime base, batch judge), and the server answered each prompt exactly once.
 */
class FaultyTwoStageRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 2000;
    private static final String PLAN = "429=0.05:retry-after=0,quota=0.01,500=0.02,503=0.02,reset=0.01,"
            + "slow=0.05:20ms,malformed=0.02,batch-validation-fail=once,batch-expire-after=0.5,seed=11";

    /** The kinds PLAN injects; the output-spoiling batch faults have tests of their own (BatchReconciliationTest). */
    private static final java.util.EnumSet<Kind> PLANNED = java.util.EnumSet.of(
            Kind.RATE_LIMIT,
            Kind.INSUFFICIENT_QUOTA,
            Kind.SERVER_ERROR,
            Kind.UNAVAILABLE,
            Kind.RESET,
            Kind.SLOW,
            Kind.MALFORMED,
            Kind.BATCH_VALIDATION_FAIL,
            Kind.BATCH_EXPIRE);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyRowIsAnsweredOnceInBothStages() throws Exception {
        try (OfflineServer server = OfflineFaults.start(PLAN)) {
            Map<Integer, String> base = realtimeStage(server);
            assertEquals(ROWS, base.size());
            assertEquals(ROWS, server.chatRequests());

            Map<String, JsonNode> judged = batchStage(server, base);
            assertEquals(ROWS, judged.size());
            for (JsonNode line : judged.values()) {
                assertEquals(200, line.at("/response/status_code").asInt());
                assertTrue(!line.at("/response/body/choices/0/message/content")
                        .asText()
                        .isBlank());
            }

            assertEquals(2 * ROWS, server.counters().answersById().size());
            assertEquals(0, server.counters().duplicateAnswers());
            for (Kind kind : PLANNED) {
                assertTrue(server.counters().faults(kind) > 0, "no " + kind + " fault was injected");
            }
        }
    }

    private Map<Integer, String> realtimeStage(OfflineServer server) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> replies = new ArrayList<>();
            for (int row = 0; row < ROWS; row++) {
                String body = BatchFixtures.chatBody(row).toString();
                replies.add(pool.submit(() -> askUntilAnswered(server, body)));
            }
            Map<Integer, String> answers = new ConcurrentHashMap<>();
            for (int row = 0; row < ROWS; row++) {
                answers.put(row, replies.get(row).get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private String askUntilAnswered(OfflineServer server, String body) throws InterruptedException {
        for (int attempt = 1; attempt <= 10; attempt++) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(10))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return JSON.readTree(response.body())
                            .at("/choices/0/message/content")
                            .asText();
                }
            } catch (IOException e) {
                // Reset or malformed: retry.
            }
        }
        throw new AssertionError("not answered after 10 attempts: " + body);
    }

    private Map<String, JsonNode> batchStage(OfflineServer server, Map<Integer, String> base) throws Exception {
        OpenAIClient client = OfflineServerSdkTest.clientFor(server, "test");
        try {
            Map<String, String> pending = new java.util.LinkedHashMap<>();
            for (int row = 0; row < ROWS; row++) {
                pending.put("judge-" + row, judgeLine(row, base.get(row)));
            }
            Map<String, JsonNode> answered = new ConcurrentHashMap<>();
            for (int round = 1; !pending.isEmpty(); round++) {
                assertTrue(round <= 5, "batches kept failing; still pending " + pending.size());
                Batch done = BatchFixtures.awaitEnd(
                        server,
                        client,
                        BatchFixtures.submit(client, BatchFixtures.jsonl(new ArrayList<>(pending.values())))
                                .id(),
                        b -> {});
                if (done.outputFileId().isPresent()) {
                    for (JsonNode line :
                            BatchFixtures.download(client, done.outputFileId().get())) {
                        String id = line.get("custom_id").asText();
                        assertTrue(answered.put(id, line) == null, "answered twice: " + id);
                        pending.remove(id);
                    }
                }
            }
            return answered;
        } finally {
            client.close();
        }
    }

    private static String judgeLine(int row, String baseAnswer) {
        ObjectNode line = BatchFixtures.line(row);
        line.put("custom_id", "judge-" + row);
        ObjectNode body = (ObjectNode) line.get("body");
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", DemoPrompts.JUDGE_SYSTEM);
        messages.addObject()
                .put("role", "user")
                .put("content", DemoPrompts.judgeUser(BatchFixtures.synopsis(row), baseAnswer));
        return line.toString();
    }
}
