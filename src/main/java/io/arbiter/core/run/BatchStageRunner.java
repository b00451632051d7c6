package io.arbiter.core.run;

import io.arbiter.core.llm.BatchCustomId;
import io.arbiter.core.llm.BatchJsonl;
import io.arbiter.core.llm.BatchRequestLine;
import io.arbiter.core.llm.BatchResultLine;
import io.arbiter.core.llm.BatchSharder;
import io.arbiter.core.llm.BatchState;
import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.OpenAiBatchClient;
import io.arbiter.core.llm.RequestKey;
import io.arbiter.core.llm.ResponseCache;
import io.arbiter.core.llm.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * One stage through the Batch API: answers what the cache already has, polls and collects jobs an earlier attempt
 * left in the ledger, then writes the rest as JSONL shards, uploads each, creates its batch and records both ids in
 * the ledger before the first poll. Output is joined back on {@code custom_id} (its order is not the input's). An
 * expired or cancelled batch keeps its partial output and only the rows it did not answer are sent again; a batch
 * that fails validation stops the run with the provider's line-numbered errors.
 */
public final class BatchStageRunner {

    /** Where a stage's outcomes go, a whole output file at a time. */
    public interface Sink {
        void outcomes(Map<Integer, StageOutcome> outcomes, Map<Integer, String> requestKeys);

        /**
         * Lines the provider reports done (answered or failed) across the stage's live batches in this attempt,
         * and their status ("in_progress", or several joined by "/" while shards differ).
         */
        void progress(long completed, long failed, String status);
    }

    private static final int MAX_ROUNDS = 5;

    private final OpenAiBatchClient client;
    private final BatchLedger ledger;
    private final long runId;
    private final ResponseCache cache;
    private final Duration pollInterval;
    private final Path workDirectory;
    private final BatchSharder sharder;
    private final Sleeper sleeper;
    private volatile String providerIdentity;
    private final AtomicLong linesSent = new AtomicLong();
    private final AtomicLong firstSentNanos = new AtomicLong();

    /**
     * @param runId         goes into every custom_id, so a line from another run is never taken for this one's
     * @param cache         answers already paid for; null to send every row
     * @param workDirectory where shards and downloaded files are written
     */
    public BatchStageRunner(OpenAiBatchClient client, BatchLedger ledger, long runId, ResponseCache cache,
                            Duration pollInterval, Path workDirectory) {
        this(client, ledger, runId, cache, pollInterval, workDirectory, new BatchSharder(), Sleeper.SYSTEM);
    }

    public BatchStageRunner(OpenAiBatchClient client, BatchLedger ledger, long runId, ResponseCache cache,
                            Duration pollInterval, Path workDirectory, BatchSharder sharder, Sleeper sleeper) {
        this.client = client;
        this.ledger = ledger;
        this.runId = runId;
        this.cache = cache;
        this.pollInterval = pollInterval;
        this.workDirectory = workDirectory;
        this.sharder = sharder;
        this.sleeper = sleeper;
    }

    /**
     * Keys requests by this name instead of the base URL, for a provider whose URL changes between runs (the offline
     * server's ephemeral port) but whose answers do not.
     */
    public BatchStageRunner providerIdentity(String identity) {
        this.providerIdentity = identity;
        return this;
    }

    /** Batch lines uploaded so far: the requests this runner has paid for. */
    public long linesSent() {
        return linesSent.get();
    }

    /** System.nanoTime() of the first upload; 0 before. */
    public long firstSentNanos() {
        return firstSentNanos.get();
    }

    /**
     * Runs the stage to its end, or until {@code ended} says the run is over (then live batches are cancelled).
     *
     * @return why the run must stop, or null
     */
    String run(String baseUrl, Stage stage, Map<Integer, ChatRequest> requests, Sink sink, BooleanSupplier ended) {
        Map<Integer, ChatRequest> pending = new LinkedHashMap<>(requests);
        Map<Integer, String> keys = new HashMap<>();
        String identity = providerIdentity != null ? providerIdentity : baseUrl;
        requests.forEach((row, request) -> keys.put(row, RequestKey.of(identity, request)));
        try {
            answerFromCache(pending, keys, sink);
            int nextShard = 0;
            List<BatchJob> earlier = new ArrayList<>();
            for (BatchJob job : ledger.jobs(stage)) {
                nextShard = Math.max(nextShard, job.shard() + 1);
                if (job.batchId() != null && !BatchJob.COLLECTED.equals(job.status())) {
                    earlier.add(job);
                }
            }
            if (!earlier.isEmpty()) {
                String stop = awaitAndCollect(stage, earlier, pending, keys, sink, ended);
                if (stop != null || ended.getAsBoolean()) {
                    return stop;
                }
            }
            for (int round = 1; !pending.isEmpty() && round <= MAX_ROUNDS; round++) {
                if (ended.getAsBoolean()) {
                    return null;
                }
                List<BatchJob> jobs = submit(stage, pending, nextShard);
                nextShard += jobs.size();
                String stop = awaitAndCollect(stage, jobs, pending, keys, sink, ended);
                if (stop != null || ended.getAsBoolean()) {
                    return stop;
                }
            }
            return null;
        } catch (ChatFailure e) {
            return e.getMessage();
        } catch (IOException e) {
            return "Could not write or read a batch file in " + workDirectory + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Interrupted while waiting for a batch";
        }
    }

    private void answerFromCache(Map<Integer, ChatRequest> pending, Map<Integer, String> keys, Sink sink) {
        if (cache == null) {
            return;
        }
        Map<Integer, StageOutcome> hits = new HashMap<>();
        for (int row : pending.keySet()) {
            cache.cached(keys.get(row)).ifPresent(reply -> hits.put(row,
                    StageOutcome.answered(reply.reasoningApart().servedFromCache())));
        }
        if (!hits.isEmpty()) {
            sink.outcomes(hits, keys);
            hits.keySet().forEach(pending::remove);
        }
    }

    /** Writes, uploads and creates one batch per shard; each job is in the ledger before anyone polls it. */
    private List<BatchJob> submit(Stage stage, Map<Integer, ChatRequest> pending, int firstShard)
            throws IOException, ChatFailure {
        List<BatchRequestLine> lines = new ArrayList<>(pending.size());
        pending.forEach((row, request) ->
                lines.add(new BatchRequestLine(new BatchCustomId(runId, stage.name(), row).toString(), request)));
        Files.createDirectories(workDirectory);
        String prefix = "run" + runId + "-" + stage.name().toLowerCase() + "-from" + firstShard;
        List<BatchSharder.Shard> shards = sharder.write(lines.iterator(), workDirectory, prefix);
        List<BatchJob> jobs = new ArrayList<>();
        for (BatchSharder.Shard shard : shards) {
            firstSentNanos.compareAndSet(0, System.nanoTime());
            String fileId = client.upload(shard.file());
            BatchJob uploaded = new BatchJob(stage, firstShard + shard.index(), fileId, null, "uploaded",
                    shard.lineCount(), null, null);
            ledger.saveJob(uploaded);
            BatchState created = client.create(fileId, Map.of("arbiter_run", Long.toString(runId),
                    "arbiter_stage", stage.name(), "arbiter_shard", Integer.toString(uploaded.shard())));
            linesSent.addAndGet(shard.lineCount());
            BatchJob job = new BatchJob(stage, uploaded.shard(), fileId, created.id(), created.status(),
                    shard.lineCount(), created.outputFileId(), created.errorFileId());
            ledger.saveJob(job);
            jobs.add(job);
            Files.deleteIfExists(shard.file());
        }
        return jobs;
    }

    /** Polls every job until it ends, reporting counts, then reads its files into the sink; cancels on cancel. */
    private String awaitAndCollect(Stage stage, List<BatchJob> jobs, Map<Integer, ChatRequest> pending,
                                   Map<Integer, String> keys, Sink sink, BooleanSupplier ended)
            throws ChatFailure, IOException, InterruptedException {
        Map<Integer, BatchState> states = new HashMap<>();
        List<BatchJob> open = new ArrayList<>(jobs);
        String stop = null;
        int failedPolls = 0;
        while (!open.isEmpty()) {
            if (ended.getAsBoolean()) {
                cancelAll(open);
                return null;
            }
            List<BatchJob> stillOpen = new ArrayList<>();
            for (BatchJob job : open) {
                BatchState state;
                try {
                    state = client.retrieve(job.batchId());
                    failedPolls = 0;
                } catch (ChatFailure failure) {
                    // The batch goes on at the provider whatever happens to one status request: ask again next
                    // round, unless asking cannot help or the provider has been unreachable for a long while.
                    if (!failure.retryable() || ++failedPolls >= OpenAiBatchClient.MAX_FAILED_POLLS) {
                        throw failure;
                    }
                    stillOpen.add(job);
                    continue;
                }
                states.put(job.shard(), state);
                if (!state.terminal()) {
                    if (!state.status().equals(job.status())) {
                        ledger.saveJob(job.withStatus(state.status(), state.outputFileId(), state.errorFileId()));
                    }
                    stillOpen.add(job.withStatus(state.status(), state.outputFileId(), state.errorFileId()));
                    continue;
                }
                ledger.saveJob(job.withStatus(state.status(), state.outputFileId(), state.errorFileId()));
                if ("failed".equals(state.status())) {
                    stop = "The batch " + state.id() + " (" + stage.name().toLowerCase() + " stage, shard "
                            + job.shard() + ") failed validation: "
                            + (state.errors() == null ? "the provider gave no reason" : state.errors());
                } else {
                    collect(stage, state, pending, keys, sink);
                }
                ledger.saveJob(job.withStatus(BatchJob.COLLECTED, state.outputFileId(), state.errorFileId()));
            }
            long completed = states.values().stream().mapToLong(BatchState::completed).sum();
            long failed = states.values().stream().mapToLong(BatchState::failed).sum();
            String status = states.values().stream().map(BatchState::status).distinct().sorted()
                    .reduce((a, b) -> a + "/" + b).orElse("submitted");
            sink.progress(completed, failed, status);
            open = stillOpen;
            if (!open.isEmpty()) {
                sleeper.sleep(pollInterval);
            }
        }
        return stop;
    }

    private void cancelAll(List<BatchJob> open) {
        for (BatchJob job : open) {
            try {
                BatchState state = client.cancel(job.batchId());
                ledger.saveJob(job.withStatus(state.status(), state.outputFileId(), state.errorFileId()));
            } catch (ChatFailure e) {
                // Still in the ledger as live: the next attempt polls it and collects what it finished.
            }
        }
    }

    /** Downloads the output and error files and hands every line for a pending row of this run and stage on. */
    private void collect(Stage stage, BatchState state, Map<Integer, ChatRequest> pending,
                         Map<Integer, String> keys, Sink sink) throws ChatFailure, IOException {
        Map<Integer, StageOutcome> outcomes = new HashMap<>();
        for (String fileId : new String[] {state.outputFileId(), state.errorFileId()}) {
            if (fileId == null) {
                continue;
            }
            Path target = workDirectory.resolve(fileId + ".jsonl");
            client.download(fileId, target);
            try (InputStream in = Files.newInputStream(target)) {
                BatchJsonl.read(in, line -> take(stage, line, pending, outcomes));
            } finally {
                Files.deleteIfExists(target);
            }
        }
        if (cache != null) {
            outcomes.forEach((row, outcome) -> {
                if (outcome.answered()) {
                    cache.cache(keys.get(row), new ChatReply(outcome.text(), outcome.usage(), false, outcome.reasoning()));
                }
            });
        }
        if (!outcomes.isEmpty()) {
            sink.outcomes(outcomes, keys);
        }
        outcomes.keySet().forEach(pending::remove);
    }

    private void take(Stage stage, BatchResultLine line, Map<Integer, ChatRequest> pending,
                      Map<Integer, StageOutcome> outcomes) {
        BatchCustomId id = BatchCustomId.parse(line.customId()).orElse(null);
        if (id == null || id.runId() != runId || !id.stage().equals(stage.name()) || !pending.containsKey(id.row())) {
            return; // another run's line, or a row answered already: never overwrite an answer
        }
        if (!line.answered() && line.error() != null
                && (line.error().startsWith("batch_expired") || line.error().startsWith("batch_cancelled"))) {
            return; // never attempted: the row stays pending and goes into the next batch
        }
        StageOutcome outcome = StageOutcome.of(line, "Batch line " + line.lineNumber() + ": ");
        StageOutcome before = outcomes.get(id.row());
        if (before == null || !before.answered()) {
            outcomes.put(id.row(), outcome);
        }
    }
}
