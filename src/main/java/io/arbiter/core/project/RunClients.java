package io.arbiter.core.project;

import io.arbiter.core.llm.BatchSharder;
import io.arbiter.core.llm.CachingChatClient;
import io.arbiter.core.llm.ChatClient;
import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.CountingChatClient;
import io.arbiter.core.llm.OpenAiBatchClient;
import io.arbiter.core.llm.OpenAiChatClient;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.ProviderRoutes;
import io.arbiter.core.llm.RateLimiter;
import io.arbiter.core.llm.ResponseCache;
import io.arbiter.core.llm.RetryPolicy;
import io.arbiter.core.llm.RetryingChatClient;
import io.arbiter.core.llm.Sleeper;
import io.arbiter.core.llm.StructuredOutputFallback;
import io.arbiter.core.llm.StructuredOutputRefusals;
import io.arbiter.core.run.BatchLedger;
import io.arbiter.core.run.BatchRoutes;
import io.arbiter.core.run.BatchStageRunner;
import io.arbiter.core.run.JudgePanel;
import io.arbiter.core.run.JurorProvider;
import io.arbiter.core.run.RunEngine;
import io.arbiter.core.run.RunLedger;
import io.arbiter.core.store.BatchFolder;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client stack a run talks to its provider through, built one way for the workbench and {@code arbiter run}.
 * Realtime: the provider's client, counted innermost (so a cache hit is never counted), under retries with the
 * profile's timeouts and an optional rate limit, under the response cache, under the structured output fallback
 * (so a request sent again as plain text has its own cache key), under the engine; a juror on a provider of its own
 * ({@code model@profile}) gets the same stack for that provider, and {@link ProviderRoutes} sends each vote to its
 * provider's. Batch: the Batch API
 * client and a stage runner writing its shards to a {@link BatchFolder}, under the engine; a juror on a provider of
 * its own gets that provider's Batch API client, and {@link BatchRoutes} sends each vote's batch there. Close it when
 * the run has ended, however it ended: that closes the clients and removes the batch folder.
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
    /** Every realtime stack's counter and cache, the run's provider's first; empty for a batch run. */
    private final List<CountingChatClient> counted;

    private final List<CachingChatClient> cached;
    private final AutoCloseable client;
    private final BatchStageRunner runner;
    private final BatchFolder folder;

    private RunClients(
            RunEngine engine,
            List<CountingChatClient> counted,
            List<CachingChatClient> cached,
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
        return realtime(profile, providerIdentity, cache, limits, ledger, JudgePanel.SINGLE);
    }

    /**
     * A realtime run whose jurors named {@code model@profile} each get a stack of their own: that profile's client,
     * retries with its timeouts and rate limits, and the cache keyed by its identity.
     *
     * @param panel the run's panel, its jurors' providers resolved
     */
    public static RunClients realtime(
            ProviderProfile profile,
            String providerIdentity,
            ResponseCache cache,
            RateLimiter limits,
            RunLedger ledger,
            JudgePanel panel)
            throws ChatFailure {
        List<CountingChatClient> counted = new ArrayList<>();
        List<CachingChatClient> cached = new ArrayList<>();
        ChatClient own = stack(profile, providerIdentity, cache, limits, counted, cached);
        Map<String, ChatClient> routes = new LinkedHashMap<>();
        try {
            for (JurorProvider juror : panel.providers().values()) {
                if (!routes.containsKey(juror.identity())) {
                    RateLimiter its = juror.requestsPerMinute() > 0 || juror.tokensPerMinute() > 0
                            ? new RateLimiter(juror.requestsPerMinute(), juror.tokensPerMinute())
                            : null;
                    routes.put(juror.identity(), stack(juror.profile(), juror.identity(), cache, its, counted, cached));
                }
            }
        } catch (ChatFailure | RuntimeException e) {
            own.close();
            routes.values().forEach(ChatClient::close);
            throw e;
        }
        ChatClient client = routes.isEmpty() ? own : new ProviderRoutes(own, routes);
        return new RunClients(new RunEngine(client, ledger), counted, cached, client, null, null);
    }

    /** One provider's realtime stack, its counter and cache layer added to the run's lists. */
    private static ChatClient stack(
            ProviderProfile profile,
            String identity,
            ResponseCache cache,
            RateLimiter limits,
            List<CountingChatClient> counters,
            List<CachingChatClient> caches)
            throws ChatFailure {
        CountingChatClient counted = new CountingChatClient(OpenAiChatClient.withoutSdkRetries(profile));
        ChatClient retrying = new RetryingChatClient(counted, RetryPolicy.DEFAULT.with(profile.timeouts()), limits);
        CachingChatClient cached = cache == null ? null : new CachingChatClient(retrying, cache, identity);
        counters.add(counted);
        if (cached != null) {
            caches.add(cached);
        }
        return new StructuredOutputFallback(
                cached != null ? cached : retrying, profile, StructuredOutputRefusals.process());
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
        return batch(profile, providerIdentity, cache, batches, ledger, JudgePanel.SINGLE);
    }

    /**
     * A batch run whose jurors named {@code model@profile} send their votes to their own provider's Batch API: its
     * URL, its key, its own file uploads.
     *
     * @param panel the run's panel, its jurors' providers resolved
     */
    public static RunClients batch(
            ProviderProfile profile,
            String providerIdentity,
            ResponseCache cache,
            Batches batches,
            RunLedger ledger,
            JudgePanel panel)
            throws ChatFailure {
        // Shards hold dataset text: beside the project (owner-only), or in a private folder removed at close.
        BatchFolder folder =
                batches.project() != null ? BatchFolder.beside(batches.project()) : BatchFolder.temporary();
        OpenAiBatchClient own = null;
        Map<String, OpenAiBatchClient> routes = new LinkedHashMap<>();
        try {
            own = new OpenAiBatchClient(profile);
            for (JurorProvider juror : panel.providers().values()) {
                if (!routes.containsKey(juror.identity())) {
                    routes.put(juror.identity(), new OpenAiBatchClient(juror.profile()));
                }
            }
        } catch (ChatFailure | RuntimeException e) {
            if (own != null) {
                own.close();
            }
            routes.values().forEach(OpenAiBatchClient::close);
            folder.close();
            throw e;
        }
        BatchRoutes clients = new BatchRoutes(own, routes);
        BatchStageRunner runner = new BatchStageRunner(
                        clients,
                        batches.jobs(),
                        batches.runId(),
                        cache,
                        batches.pollInterval(),
                        folder.path(),
                        new BatchSharder(),
                        Sleeper.SYSTEM)
                .providerIdentity(providerIdentity)
                .batchTimeout(batches.batchTimeout());
        return new RunClients(RunEngine.batch(runner, ledger), List.of(), List.of(), clients, runner, folder);
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
        return counted.stream().mapToLong(CountingChatClient::requests).sum()
                + (runner == null ? 0 : runner.linesSent());
    }

    /** System.nanoTime() of the first request or upload; 0 before any. */
    public long firstSentNanos() {
        if (runner != null) {
            return runner.firstSentNanos();
        }
        // The earliest of the stacks that sent anything (nanoTime values compare by difference).
        long first = 0;
        for (CountingChatClient stack : counted) {
            long sent = stack.firstSentNanos();
            if (sent != 0 && (first == 0 || sent - first < 0)) {
                first = sent;
            }
        }
        return first;
    }

    /** Realtime answers taken from the cache; 0 for a batch run or a run without a cache. */
    public long cacheHits() {
        return cached.stream().mapToLong(CachingChatClient::hits).sum();
    }

    /** Realtime requests the cache could not answer, so they went to the provider. */
    public long cacheMisses() {
        return cached.stream().mapToLong(CachingChatClient::misses).sum();
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
