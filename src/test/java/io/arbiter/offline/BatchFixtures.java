package io.arbiter.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponse;
import com.openai.models.batches.Batch;
import com.openai.models.batches.BatchCreateParams;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FilePurpose;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Builds batch input files and drives a batch through the SDK for the batch tests. */
final class BatchFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private BatchFixtures() {}

    /** A chat request line for row {@code i}: base model, one of the demo synopses. */
    static ObjectNode line(int i) {
        ObjectNode line = JSON.createObjectNode();
        line.put("custom_id", "row-" + i);
        line.put("method", "POST");
        line.put("url", "/v1/chat/completions");
        line.set("body", chatBody(i));
        return line;
    }

    static ObjectNode chatBody(int i) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model(i));
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", DemoPrompts.BASE_SYSTEM);
        messages.addObject().put("role", "user").put("content", DemoPrompts.baseUser(synopsis(i)));
        return body;
    }

    static String model(int i) {
        return i % 2 == 0 ? DemoModels.BASE : DemoModels.JUDGE;
    }

    /** A distinct synopsis per row, so every row has its own completion id. */
    static String synopsis(int i) {
        return DemoPrompts.SYNOPSES.get(i % DemoPrompts.SYNOPSES.size()).text() + " (row " + i + ")";
    }

    static byte[] jsonl(int rows) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            lines.add(line(i).toString());
        }
        return jsonl(lines);
    }

    static byte[] jsonl(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static Batch submit(OpenAIClient client, byte[] content) {
        String fileId = client.files()
                .create(FileCreateParams.builder()
                        .file(content)
                        .purpose(FilePurpose.BATCH)
                        .build())
                .id();
        return client.batches()
                .create(BatchCreateParams.builder()
                        .inputFileId(fileId)
                        .endpoint(BatchCreateParams.Endpoint.V1_CHAT_COMPLETIONS)
                        .completionWindow(BatchCreateParams.CompletionWindow._24H)
                        .build());
    }

    /** Waits until the batch ends, handing {@code observer} a snapshot at first and after each move. */
    static Batch awaitEnd(OfflineServer server, OpenAIClient client, String batchId, Consumer<Batch> observer)
            throws InterruptedException {
        return awaitBatch(server, client, batchId, BatchFixtures::ended, observer);
    }

    /**
     * Takes a snapshot of the batch at first and again each time the server says a batch moved on, until one
     * satisfies {@code until}; fails when nothing moves for 30 s.
     */
    static Batch awaitBatch(
            OfflineServer server, OpenAIClient client, String batchId, Predicate<Batch> until, Consumer<Batch> observer)
            throws InterruptedException {
        while (true) {
            // Read before the snapshot, so a move between the two still wakes the wait below.
            long seen = server.counters().batchMoves();
            Batch batch = client.batches().retrieve(batchId);
            observer.accept(batch);
            if (until.test(batch)) {
                return batch;
            }
            if (server.counters().awaitBatchMove(seen, Duration.ofSeconds(30)) == seen) {
                throw new AssertionError("Batch " + batchId + " did not move for 30 s; it is " + batch.status());
            }
        }
    }

    private static boolean ended(Batch batch) {
        return switch (batch.status().value()) {
            case COMPLETED, FAILED, EXPIRED, CANCELLED -> true;
            default -> false;
        };
    }

    static List<JsonNode> download(OpenAIClient client, String fileId) {
        try (HttpResponse response = client.files().content(fileId);
                InputStream in = response.body()) {
            List<JsonNode> lines = new ArrayList<>();
            for (String text : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!text.isBlank()) {
                    lines.add(JSON.readTree(text));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
