package io.arbiter.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.models.batches.Batch;
import io.arbiter.offline.FaultPlan.Kind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Batch faults from a fault plan, seen through openai-java. */
class OfflineBatchFaultTest {

    @Test
    void plannedValidationFailureHitsOnlyTheNextBatch() throws Exception {
        try (OfflineServer server = OfflineFaults.start("batch-validation-fail=once")) {
            OpenAIClient client = OfflineServerSdkTest.clientFor(server, "test");
            try {
                Batch failed = BatchFixtures.awaitEnd(
                        server,
                        client,
                        BatchFixtures.submit(client, BatchFixtures.jsonl(5)).id(),
                        b -> {});
                assertEquals(Batch.Status.FAILED, failed.status());
                assertEquals(
                        "invalid_request",
                        failed.errors()
                                .orElseThrow()
                                .data()
                                .orElseThrow()
                                .get(0)
                                .code()
                                .orElseThrow());
                Batch retried = BatchFixtures.awaitEnd(
                        server,
                        client,
                        BatchFixtures.submit(client, BatchFixtures.jsonl(5)).id(),
                        b -> {});
                assertEquals(Batch.Status.COMPLETED, retried.status());
                assertEquals(1, server.counters().faults(Kind.BATCH_VALIDATION_FAIL));
            } finally {
                client.close();
            }
        }
    }

    @Test
    void expiryKeepsThePartialOutputAndListsTheRestAsExpired() throws Exception {
        try (OfflineServer server = OfflineFaults.start("batch-expire-after=0.5")) {
            OpenAIClient client = OfflineServerSdkTest.clientFor(server, "test");
            try {
                int rows = 101;
                Batch expired = BatchFixtures.awaitEnd(
                        server,
                        client,
                        BatchFixtures.submit(client, BatchFixtures.jsonl(rows)).id(),
                        b -> {});
                assertEquals(Batch.Status.EXPIRED, expired.status());
                assertTrue(expired.expiredAt().isPresent());
                assertEquals(50, expired.requestCounts().orElseThrow().completed());
                assertEquals(51, expired.requestCounts().orElseThrow().failed());
                List<JsonNode> output =
                        BatchFixtures.download(client, expired.outputFileId().orElseThrow());
                List<JsonNode> errors =
                        BatchFixtures.download(client, expired.errorFileId().orElseThrow());
                assertEquals(50, output.size());
                assertEquals(51, errors.size());
                for (JsonNode error : errors) {
                    assertEquals("batch_expired", error.at("/error/code").asText());
                    assertTrue(error.get("response").isNull());
                }
                Set<String> all = new HashSet<>();
                output.forEach(line -> all.add(line.get("custom_id").asText()));
                errors.forEach(line -> all.add(line.get("custom_id").asText()));
                assertEquals(rows, all.size(), "every line is either answered or listed as expired");

                Batch next = BatchFixtures.awaitEnd(
                        server,
                        client,
                        BatchFixtures.submit(client, BatchFixtures.jsonl(3)).id(),
                        b -> {});
                assertEquals(Batch.Status.COMPLETED, next.status(), "expiry was planned once");
            } finally {
                client.close();
            }
        }
    }
}
