package io.arbiter.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.batches.Batch;
import com.openai.models.batches.BatchError;
import com.openai.models.batches.BatchListParams;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FileObject;
import com.openai.models.files.FilePurpose;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the Batch API end to end through openai-java, as the app's batch client does. */
class OfflineBatchSdkTest {

    private OfflineServer server;
    private OpenAIClient client;

    @BeforeEach
    void start() {
        server = OfflineServer.start(0);
        client = OfflineServerSdkTest.clientFor(server, "test");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    @SuppressWarnings("deprecation") // the Files API still returns status; the server fills it as OpenAI does
    void uploadedFileIsDescribedAndReadBack(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("rows.jsonl");
        Files.write(input, BatchFixtures.jsonl(3));
        FileObject file = client.files()
                .create(FileCreateParams.builder()
                        .file(input)
                        .purpose(FilePurpose.BATCH)
                        .build());
        assertTrue(file.id().startsWith("file-"), file.id());
        assertEquals("rows.jsonl", file.filename());
        assertEquals(Files.size(input), file.bytes());
        assertEquals(FileObject.Purpose.BATCH, file.purpose());
        assertEquals(FileObject.Status.PROCESSED, file.status());
        assertEquals(3, BatchFixtures.download(client, file.id()).size());
        assertEquals(file.id(), client.files().retrieve(file.id()).id());
    }

    @Test
    void uploadWithAnotherExtensionIsRefusedForBatches(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("rows.csv");
        Files.write(input, BatchFixtures.jsonl(1));
        BadRequestException e = assertThrows(BadRequestException.class, () -> client.files()
                .create(FileCreateParams.builder()
                        .file(input)
                        .purpose(FilePurpose.BATCH)
                        .build()));
        assertTrue(e.getMessage().contains(".jsonl"), e.getMessage());
    }

    @Test
    void batchAnswersEveryLineOnceInShuffledOrderWithMonotonicCounts() throws Exception {
        // Two seconds of small steps rather than half a second: a loaded machine that stalls the server's batch
        // thread for a while still leaves steps for a snapshot to see the count between 0 and all.
        stop();
        server =
                OfflineServer.builder().batchPace(BatchPace.linesPerSecond(500)).start();
        client = OfflineServerSdkTest.clientFor(server, "test");
        int rows = 1000;
        Batch created = BatchFixtures.submit(client, BatchFixtures.jsonl(rows));
        assertTrue(created.id().startsWith("batch_"), created.id());
        assertEquals(Batch.Status.VALIDATING, created.status());
        assertEquals("/v1/chat/completions", created.endpoint());
        assertEquals("24h", created.completionWindow());
        assertEquals(created.createdAt() + 86_400, created.expiresAt().orElseThrow());

        List<Batch> snapshots = new ArrayList<>();
        Batch done = BatchFixtures.awaitEnd(server, client, created.id(), snapshots::add);

        assertEquals(Batch.Status.COMPLETED, done.status());
        assertEquals(rows, done.requestCounts().orElseThrow().total());
        assertEquals(rows, done.requestCounts().orElseThrow().completed());
        assertEquals(0, done.requestCounts().orElseThrow().failed());
        assertTrue(done.inProgressAt().isPresent()
                && done.finalizingAt().isPresent()
                && done.completedAt().isPresent());
        assertTrue(done.errorFileId().isEmpty());
        long previous = 0;
        Set<Batch.Status> seen = new LinkedHashSet<>();
        for (Batch snapshot : snapshots) {
            seen.add(snapshot.status());
            long completed = snapshot.requestCounts().map(c -> c.completed()).orElse(0L);
            assertTrue(completed >= previous, "completed went back from " + previous + " to " + completed);
            previous = completed;
        }
        assertTrue(seen.contains(Batch.Status.IN_PROGRESS), "statuses seen: " + seen);
        assertTrue(
                snapshots.stream()
                        .anyMatch(b -> b.status().equals(Batch.Status.IN_PROGRESS)
                                && b.requestCounts().orElseThrow().completed() > 0
                                && b.requestCounts().orElseThrow().completed() < rows),
                "no snapshot caught the count moving");

        List<JsonNode> output =
                BatchFixtures.download(client, done.outputFileId().orElseThrow());
        List<String> ids =
                output.stream().map(line -> line.get("custom_id").asText()).toList();
        assertEquals(rows, new HashSet<>(ids).size());
        assertEquals(rows, ids.size());
        List<String> inOrder = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            inOrder.add("row-" + i);
        }
        assertNotEquals(inOrder, ids, "output should be shuffled");
        JsonNode first = output.get(0);
        assertTrue(first.get("id").asText().startsWith("batch_req_"));
        assertTrue(first.get("error").isNull());
        assertEquals(200, first.at("/response/status_code").asInt());
        assertEquals("chat.completion", first.at("/response/body/object").asText());
        assertEquals(rows, server.counters().batchLinesProcessed());
    }

    @Test
    void batchLineGetsTheSameAnswerAsTheRealtimeEndpoint() throws Exception {
        Batch done = BatchFixtures.awaitEnd(
                server,
                client,
                BatchFixtures.submit(client, BatchFixtures.jsonl(4)).id(),
                b -> {});
        for (JsonNode line : BatchFixtures.download(client, done.outputFileId().orElseThrow())) {
            int row = Integer.parseInt(line.get("custom_id").asText().substring("row-".length()));
            var realtime = client.chat()
                    .completions()
                    .create(OfflineServerSdkTest.baseRequest(BatchFixtures.model(row), BatchFixtures.synopsis(row)));
            assertEquals(realtime.id(), line.at("/response/body/id").asText());
            assertEquals(
                    realtime.choices().get(0).message().content().orElseThrow(),
                    line.at("/response/body/choices/0/message/content").asText());
        }
    }

    @Test
    void validationFailureNamesEachBadLine() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(BatchFixtures.line(0).toString());
        lines.add(BatchFixtures.line(1).without("custom_id").toString());
        lines.add(BatchFixtures.line(2).toString());
        lines.add(BatchFixtures.line(2).toString());
        lines.add(BatchFixtures.line(4).put("url", "/v1/embeddings").toString());
        lines.add("{\"custom_id\": \"row-5\", ");
        Batch done = BatchFixtures.awaitEnd(
                server,
                client,
                BatchFixtures.submit(client, BatchFixtures.jsonl(lines)).id(),
                b -> {});
        assertEquals(Batch.Status.FAILED, done.status());
        assertTrue(done.failedAt().isPresent());
        List<BatchError> errors = done.errors().orElseThrow().data().orElseThrow();
        assertEquals(
                List.of(2L, 4L, 5L, 6L),
                errors.stream().map(e -> e.line().orElseThrow()).toList());
        assertEquals(
                List.of("missing_required_parameter", "duplicate_custom_id", "invalid_url", "invalid_json_line"),
                errors.stream().map(e -> e.code().orElseThrow()).toList());
        assertEquals("custom_id", errors.get(0).param().orElseThrow());
        assertTrue(done.outputFileId().isEmpty());
        assertEquals(0, server.counters().batchLinesProcessed());
    }

    @Test
    void lineTheModelRejectsGoesToTheErrorFile() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(BatchFixtures.line(0).toString());
        var unknown = BatchFixtures.line(1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) unknown.get("body")).put("model", "gpt-nonexistent");
        lines.add(unknown.toString());
        Batch done = BatchFixtures.awaitEnd(
                server,
                client,
                BatchFixtures.submit(client, BatchFixtures.jsonl(lines)).id(),
                b -> {});
        assertEquals(Batch.Status.COMPLETED, done.status());
        assertEquals(1, done.requestCounts().orElseThrow().completed());
        assertEquals(1, done.requestCounts().orElseThrow().failed());
        List<JsonNode> errors =
                BatchFixtures.download(client, done.errorFileId().orElseThrow());
        assertEquals(1, errors.size());
        assertEquals("row-1", errors.get(0).get("custom_id").asText());
        assertEquals(404, errors.get(0).at("/response/status_code").asInt());
        assertEquals(
                "model_not_found", errors.get(0).at("/response/body/error/code").asText());
    }

    @Test
    void cancelKeepsTheOutputOfLinesAlreadyAnswered() throws Exception {
        try (OfflineServer slow =
                OfflineServer.builder().batchPace(BatchPace.linesPerSecond(400)).start()) {
            OpenAIClient slowClient = OfflineServerSdkTest.clientFor(slow, "test");
            try {
                Batch batch = BatchFixtures.submit(slowClient, BatchFixtures.jsonl(2000));
                BatchFixtures.awaitBatch(
                        slow,
                        slowClient,
                        batch.id(),
                        b -> b.requestCounts().map(c -> c.completed()).orElse(0L) >= 20,
                        b -> {});
                Batch cancelling = slowClient.batches().cancel(batch.id());
                assertEquals(Batch.Status.CANCELLING, cancelling.status());
                assertTrue(cancelling.cancellingAt().isPresent());
                Batch done = BatchFixtures.awaitEnd(slow, slowClient, batch.id(), b -> {});
                assertEquals(Batch.Status.CANCELLED, done.status());
                assertTrue(done.cancelledAt().isPresent());
                long completed = done.requestCounts().orElseThrow().completed();
                assertTrue(completed >= 20 && completed < 2000, "completed " + completed);
                List<JsonNode> output =
                        BatchFixtures.download(slowClient, done.outputFileId().orElseThrow());
                assertEquals(completed, output.size());
                assertEquals(
                        completed,
                        output.stream()
                                .map(l -> l.get("custom_id").asText())
                                .distinct()
                                .count());
                Batch later = slowClient.batches().retrieve(batch.id());
                assertEquals(completed, later.requestCounts().orElseThrow().completed(), "work went on after cancel");
            } finally {
                slowClient.close();
            }
        }
    }

    @Test
    void cancellingAFinishedBatchIsRefused() throws Exception {
        Batch done = BatchFixtures.awaitEnd(
                server,
                client,
                BatchFixtures.submit(client, BatchFixtures.jsonl(2)).id(),
                b -> {});
        assertThrows(BadRequestException.class, () -> client.batches().cancel(done.id()));
    }

    @Test
    void listsBatchesNewestFirstAcrossPages() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(BatchFixtures.submit(client, BatchFixtures.jsonl(2)).id());
        }
        List<String> listed =
                client.batches().list().data().stream().map(Batch::id).toList();
        assertEquals(List.of(created.get(2), created.get(1), created.get(0)), listed);
        List<String> paged = new ArrayList<>();
        client.batches()
                .list(BatchListParams.builder().limit(2).build())
                .autoPager()
                .forEach(b -> paged.add(b.id()));
        assertEquals(listed, paged);
        assertFalse(client.batches()
                .list(BatchListParams.builder().limit(2).build())
                .data()
                .isEmpty());
    }

    @Test
    void unknownIdsAreNotFound() {
        assertThrows(NotFoundException.class, () -> client.batches().retrieve("batch_nope"));
        assertThrows(NotFoundException.class, () -> client.files().content("file-nope"));
    }
}
