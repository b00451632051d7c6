package io.arbiter.core.project;

import io.arbiter.core.llm.CachingChatClient;
import io.arbiter.core.llm.ChatClient;
import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.CountingChatClient;
import io.arbiter.core.llm.OpenAiBatchClient;
import io.arbiter.core.llm.OpenAiChatClient;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.RateLimiter;
import io.arbiter.core.llm.ResponseCache;
import io.arbiter.core.llm.RetryPolicy;
import io.arbiter.core.llm.RetryingChatClient;
import io.arbiter.core.llm.StructuredOutputFallback;
import io.arbiter.core.llm.StructuredOutputRefusals;
import io.arbiter.core.run.BatchLedger;
import io.arbiter.core.run.BatchStageRunner;
import io.arbiter.core.run.RunEngine;
import io.arbiter.core.run.RunLedger;
import io.arbiter.core.store.BatchFolder;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The client stack a run talks to its provider through, built one way for the workbench and {@code arbiter run}.
 * Realtime: the provider's client, counted innermost (so a cache hit is never counted), under retries with the
 * profile's timeouts and an optional rate limit, under the response cache, under the structured output fallback
 * (so a request sent again as plain text has its own cache key), under the engine. Batch: the Batch API
 * client and a stage runner writing its shards to a {@link BatchFolder}, under the engine. Close it when the run
 * has ended, however it ended: that closes the clients and removes the batch folder.
 */
public final class RunClients implements AutoCloseable {

    /**
     * How a batch run keeps its jobs and files.
     *
     * @param jobs          where submitted batches are recorded before they are polled (the project's run, or memory)
     * @param runId         goes into every custom_id
     * @param project       the project file the work folder goes beside; null for a private temporary folder
     * @param pollInterval  between status polls; see {@link #pollInterval(String)}
     * @param batchTimeout  cancel a batch still open this long after it was created; null waits as long as the
     *                      provider keeps it
     */
    public record Batches(BatchLedger jobs, long runId, Path project, Duration pollInterval, Duration batchTimeout) {}

    private final RunEngine engine;
    private final CountingChatClient counted;
    private final CachingChatClient cached;
    private final AutoCloseable client;
    private final BatchStageRunner runner;
    private final BatchFolder folder;

    private RunClients(
            RunEngine engine,
            CountingChatClient counted,
            CachingChatClient cached,
            AutoCloseable client,
            BatchStageRunner runner,
            BatchFolder folder) {
        this.engine = engine;
        this.counted = counted;
        this.cached = cached;
        this.client = client;
        this.runner = runner;
        this.folder = folder;
    }

    /**
     * A realtime run.
     *
     * @param providerIdentity what the cache keys answers by: "offline" for the demo, else the base URL
     * @param cache            answers already paid for (the project, or a session's memory); null to send everything
     * @param limits           spaces requests to the provider's limits; null for none
     * @param ledger           where the engine records each row's outcome and resumes from
     */
    public static RunClients realtime(
            ProviderProfile profile, String providerIdentity, ResponseCache cache, RateLimiter limits, RunLedger ledger)
            throws ChatFailure {
        CountingChatClient counted = new CountingChatClient(OpenAiChatClient.withoutSdkRetries(profile));
        ChatClient retrying = new RetryingChatClient(counted, RetryPolicy.DEFAULT.with(profile.timeouts()), limits);
        CachingChatClient cached = cache == null ? null : new CachingChatClient(retrying, cache, providerIdentity);
        ChatClient client = new StructuredOutputFallback(
                cached != null ? cached : retrying, profile, StructuredOutputRefusals.process());
        return new RunClients(new RunEngine(client, ledger), counted, cached, client, null, null);
    }

    /**
     * A run through the provider's Batch API, one stage after the other.
     *
     * @param cache  answers already paid for, taken before anything is uploaded; null to send every row
     * @param ledger where the engine records each row's outcome and resumes from
     */
    public static RunClients batch(
            ProviderProfile profile, String providerIdentity, ResponseCache cache, Batches batches, RunLedger ledger)
            throws ChatFailure {
        // Shards hold dataset text: beside the project (owner-only), or in a private folder removed at close.
        BatchFolder folder =
                batches.project() != null ? BatchFolder.beside(batches.project()) : BatchFolder.temporary();
        OpenAiBatchClient client;
        try {
            client = new OpenAiBatchClient(profile);
        } catch (ChatFailure | RuntimeException e) {
            folder.close();
            throw e;
        }
        BatchStageRunner runner = new BatchStageRunner(
                        client, batches.jobs(), batches.runId(), cache, batches.pollInterval(), folder.path())
                .providerIdentity(providerIdentity)
                .batchTimeout(batches.batchTimeout());
        return new RunClients(RunEngine.batch(runner, ledger), null, null, client, runner, folder);
    }

    /**
     * Between batch status polls, when not given: a provider on this machine (the offline demo, a local server)
     * finishes in seconds and costs nothing to ask, so every quarter second; a remote one every ten seconds.
     */
    public static Duration pollInterval(String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        boolean loopback =
                "127.0.0.1".equals(host) || "localhost".equals(host) || "::1".equals(host) || "[::1]".equals(host);
        return loopback ? Duration.ofMillis(250) : Duration.ofSeconds(10);
    }

    public RunEngine engine() {
        return engine;
    }

    /** True for a run through the Batch API. */
    public boolean batch() {
        return runner != null;
    }

    /** Model requests sent so far (every attempt, retries included) plus batch lines uploaded; cache hits are not. */
    public long requests() {
        return (counted == null ? 0 : counted.requests()) + (runner == null ? 0 : runner.linesSent());
    }

    /** System.nanoTime() of the first request or upload; 0 before any. */
    public long firstSentNanos() {
        return counted != null ? counted.firstSentNanos() : runner.firstSentNanos();
    }

    /** Realtime answers taken from the cache; 0 for a batch run or a run without a cache. */
    public long cacheHits() {
        return cached == null ? 0 : cached.hits();
    }

    /** Realtime requests the cache could not answer, so they went to the provider. */
    public long cacheMisses() {
        return cached == null ? 0 : cached.misses();
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            // Closing a client only releases connections; nothing the run kept depends on it.
        } finally {
            if (folder != null) {
                folder.close();
            }
        }
    }
}
