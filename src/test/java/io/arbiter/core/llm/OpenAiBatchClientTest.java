package io.arbiter.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.core.JsonValue;
import com.openai.models.batches.Batch;
import com.openai.models.batches.BatchError;
import com.openai.models.batches.BatchRequestCounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the batch client that need no provider; BatchRunTest drives it end to end. */
class OpenAiBatchClientTest {

    @TempDir
    Path dir;

    @Test
    void batchStatesAreReadWithCountsFilesAndValidationErrors() {
        Batch done = batch(Batch.Status.COMPLETED).toBuilder()
                .requestCounts(BatchRequestCounts.builder()
                        .total(10)
                        .completed(9)
                        .failed(1)
                        .build())
                .outputFileId("file-out")
                .errorFileId("file-err")
                .build();
        Batch refused = batch(Batch.Status.FAILED).toBuilder()
                .errors(Batch.Errors.builder()
                        .data(List.of(BatchError.builder()
                                .code("invalid_json")
                                .line(3L)
                                .message("Line 3 is not JSON")
                                .param((String) null)
                                .build()))
                        .object_("list")
                        .build())
                .build();

        BatchState state = OpenAiBatchClient.state(done);
        BatchState failed = OpenAiBatchClient.state(refused);

        assertEquals(new BatchState("batch_1", "completed", 10, 9, 1, "file-out", "file-err", null, 1700000000), state);
        assertTrue(state.terminal());
        assertTrue(state.succeeded());
        assertEquals("line 3: invalid_json: Line 3 is not JSON", failed.errors());
        assertTrue(failed.terminal());
        assertNull(failed.outputFileId());
    }

    @Test
    void onlyEndedBatchesAreTerminal() {
        for (Batch.Status status : List.of(
                Batch.Status.VALIDATING, Batch.Status.IN_PROGRESS, Batch.Status.FINALIZING, Batch.Status.CANCELLING)) {
            assertFalse(OpenAiBatchClient.state(batch(status)).terminal(), status.asString());
        }
        for (Batch.Status status :
                List.of(Batch.Status.COMPLETED, Batch.Status.FAILED, Batch.Status.EXPIRED, Batch.Status.CANCELLED)) {
            assertTrue(OpenAiBatchClient.state(batch(status)).terminal(), status.asString());
        }
    }

    @Test
    void uploadRefusesAFileThatIsNotJsonlBeforeSendingAnything() throws Exception {
        Path csv = Files.writeString(dir.resolve("shard-0.csv"), "not jsonl");
        try (OpenAiBatchClient client = new OpenAiBatchClient(
                new ProviderProfile("Nowhere", "http://127.0.0.1:1/v1", null, "m", "m", 0.0, 16, 1))) {

            ChatFailure failure = assertThrows(ChatFailure.class, () -> client.upload(csv));

            assertTrue(failure.getMessage().contains(".jsonl"), failure.getMessage());
        }
    }

    private static Batch batch(Batch.Status status) {
        return Batch.builder()
                .id("batch_1")
                .completionWindow("24h")
                .createdAt(1_700_000_000L)
                .endpoint("/v1/chat/completions")
                .inputFileId("file-in")
                .object_(JsonValue.from("batch"))
                .status(status)
                .build();
    }
}
