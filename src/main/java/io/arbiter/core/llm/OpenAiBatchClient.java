package io.arbiter.core.llm;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.MultipartField;
import com.openai.core.http.HttpResponse;
import com.openai.models.batches.Batch;
import com.openai.models.batches.BatchCreateParams;
import com.openai.models.batches.BatchError;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FilePurpose;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The Batch API over openai-java: upload a shard, start its batch, watch it, cancel it, fetch its files.
 * Half the price of realtime and no rate limits to fight, for up to a day of waiting.
 *
 * <p>Tested end to end against the offline server's Batch API by {@code BatchRunTest} (upload, create, poll,
 * cancel, download of shuffled output and error files). Written against openai-java 4.101.0's classes.
 */
public final class OpenAiBatchClient implements AutoCloseable {

    private final OpenAIClient client;
    private final String baseUrl;
    /** Redacted from every message: a provider's error body may echo the key it was sent. */
    private final String apiKey;

    public OpenAiBatchClient(ProviderProfile profile) throws ChatFailure {
        this.baseUrl = profile.baseUrl();
        this.apiKey = ApiKeys.resolve(profile);
        this.client = OpenAIOkHttpClient.builder()
                .baseUrl(profile.baseUrl())
                .apiKey(apiKey)
                .maxRetries(2)
                .timeout(Duration.ofMinutes(10)) // a 200 MB upload or download takes its time
                .build();
    }

    /** Uploads a shard for a batch and returns its file id. */
    public String upload(Path shard) throws ChatFailure {
        String name = shard.getFileName().toString();
        if (!name.endsWith(".jsonl")) {
            throw new ChatFailure("A batch input file must end in .jsonl, not " + name + ".", false, null);
        }
        try (InputStream in = Files.newInputStream(shard)) {
            FileCreateParams params = FileCreateParams.builder()
                    .file(MultipartField.<InputStream>builder()
                            .value(in)
                            .filename(name)
                            .contentType("application/jsonl")
                            .build())
                    .purpose(FilePurpose.BATCH)
                    .build();
            // No SDK retry here: a stream half read by a failed attempt cannot be sent again.
            return client.files()
                    .withOptions(options -> options.maxRetries(0))
                    .create(params)
                    .id();
        } catch (IOException e) {
            throw new ChatFailure("Could not read the batch file " + shard + ": " + e.getMessage(), false, e);
        } catch (RuntimeException e) {
            throw ProviderErrors.explain(e, baseUrl, null, Instant.now(), apiKey);
        }
    }

    /** Starts a batch over an uploaded file, for /v1/chat/completions within 24 hours. */
    public BatchState create(String inputFileId, Map<String, String> metadata) throws ChatFailure {
        BatchCreateParams.Metadata.Builder tags = BatchCreateParams.Metadata.builder();
        metadata.forEach(tags::putProperty);
        BatchCreateParams params = BatchCreateParams.builder()
                .inputFileId(inputFileId)
                .endpoint(BatchCreateParams.Endpoint.V1_CHAT_COMPLETIONS)
                .completionWindow(BatchCreateParams.CompletionWindow._24H)
                .metadata(tags.build())
                .build();
        try {
            return state(client.batches().create(params));
        } catch (RuntimeException e) {
            throw ProviderErrors.explain(e, baseUrl, null, Instant.now(), apiKey);
        }
    }

    public BatchState retrieve(String batchId) throws ChatFailure {
        try {
            return state(client.batches().retrieve(batchId));
        } catch (RuntimeException e) {
            throw ProviderErrors.explain(e, baseUrl, null, Instant.now(), apiKey);
        }
    }

    /** Asks the provider to stop; what it finished stays billable and downloadable once the batch is cancelled. */
    public BatchState cancel(String batchId) throws ChatFailure {
        try {
            return state(client.batches().cancel(batchId));
        } catch (RuntimeException e) {
            throw ProviderErrors.explain(e, baseUrl, null, Instant.now(), apiKey);
        }
    }

    /** Retrieves every {@code interval} until the batch ends, reporting each state it sees. */
    /** Status requests in a row that may fail before polling gives up (at 10 s apart, about an hour). */
    public static final int MAX_FAILED_POLLS = 360;

    public BatchState poll(String batchId, Duration interval, Sleeper sleeper, Consumer<BatchState> onUpdate)
            throws ChatFailure, InterruptedException {
        int failedPolls = 0;
        while (true) {
            BatchState state;
            try {
                state = retrieve(batchId);
                failedPolls = 0;
            } catch (ChatFailure failure) {
                // The batch runs on at the provider whatever happens to one status request: keep asking, unless
                // the failure says asking again cannot help or the network has been gone for a long while.
                if (!failure.retryable() || ++failedPolls >= MAX_FAILED_POLLS) {
                    throw failure;
                }
                sleeper.sleep(interval);
                continue;
            }
            onUpdate.accept(state);
            if (state.terminal()) {
                return state;
            }
            sleeper.sleep(interval);
        }
    }

    /** Saves a file's content (an output or error file) to {@code target}, whole or not at all. */
    public void download(String fileId, Path target) throws ChatFailure {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (HttpResponse response = client.files().content(fileId)) {
            Files.copy(response.body(), partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ChatFailure(
                    "Could not save the batch file " + fileId + " to " + target + ": " + e.getMessage(), false, e);
        } catch (RuntimeException e) {
            throw ProviderErrors.explain(e, baseUrl, null, Instant.now(), apiKey);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a stray .part file is harmless and replaced next time
            }
        }
    }

    static BatchState state(Batch batch) {
        long total = batch.requestCounts().map(c -> c.total()).orElse(0L);
        long completed = batch.requestCounts().map(c -> c.completed()).orElse(0L);
        long failed = batch.requestCounts().map(c -> c.failed()).orElse(0L);
        String errors = batch.errors()
                .flatMap(e -> e.data())
                .filter(list -> !list.isEmpty())
                .map(list -> list.stream().map(OpenAiBatchClient::describe).collect(Collectors.joining("; ")))
                .orElse(null);
        return new BatchState(
                batch.id(),
                batch.status().asString(),
                total,
                completed,
                failed,
                batch.outputFileId().orElse(null),
                batch.errorFileId().orElse(null),
                errors,
                batch.createdAt());
    }

    private static String describe(BatchError error) {
        String where = error.line().map(line -> "line " + line + ": ").orElse("");
        String code = error.code().map(c -> c + ": ").orElse("");
        return Redaction.redact(where + code + error.message().orElse("(no message)"));
    }

    @Override
    public void close() {
        client.close();
    }
}
