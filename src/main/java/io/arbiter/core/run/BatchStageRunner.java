package io.arbiter.core.run;

import io.arbiter.core.llm.BatchCustomId;
import io.arbiter.core.llm.BatchJsonl;
import io.arbiter.core.llm.BatchRequestLine;
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
import java.time.Clock;
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
 * the ledger before the first poll. Output is joined back on {@code custom_id} (its order is not the input's) and
 * every submitted line is accounted for ({@link BatchLineAccount}): answered, failed, or missing. An expired or
 * cancelled batch keeps its partial output; the rows a round did not answer are sent again once, then end as errors
 * that say why. A batch that fails validation stops the run with the provider's line-numbered errors.
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

        /** How the stage's lines were accounted for, once it is over (also when it stopped or was cancelled). */
        default void reconciled(BatchReconciliation reconciliation) {}
    }

    /** A first round, and one more for the lines it did not answer: never a third payment for one row. */
    private static final int MAX_ROUNDS = 2;

    private final OpenAiBatchClient client;
    private final BatchLedger ledger;
    private final long runId;
    private final ResponseCache cache;
    private final Duration pollInterval;
    private final Path workDirectory;
    private final BatchSharder sharder;
    private final Sleeper sleeper;
    private volatile String providerIdentity;
    private volatile Duration batchTimeout;
    private volatile Clock clock = Clock.systemUTC();
    private final AtomicLong linesSent = new AtomicLong();
    private final AtomicLong firstSentNanos = new AtomicLong();

    /**
     * @param runId         goes into every custom_id, so a line from another run is never taken for this one's
     * @param cache         answers already paid for; null to send every row
     * @param workDirectory where shards and downloaded files are written
     */
    public BatchStageRunner(
            OpenAiBatchClient client,
            BatchLedger ledger,
            long runId,
            ResponseCache cache,
            Duration pollInterval,
            Path workDirectory) {
        this(client, ledger, runId, cache, pollInterval, workDirectory, new BatchSharder(), Sleeper.SYSTEM);
    }

    public BatchStageRunner(
            OpenAiBatchClient client,
            BatchLedger ledger,
            long runId,
            ResponseCache cache,
            Duration pollInterval,
            Path workDirectory,
            BatchSharder sharder,
            Sleeper sleeper) {
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

    /**
     * Cancels a batch still open this long after it was created; its unanswered rows end as errors that say so.
     * Null (the default) waits as long as the provider keeps the batch.
     */
    public BatchStageRunner batchTimeout(Duration timeout) {
        this.batchTimeout = timeout;
        return this;
    }

    /** The clock batch ages are read from; the system clock unless a test needs another. */
    BatchStageRunner clock(Clock clock) {
        this.clock = clock;
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
     * Lines a batch did not answer are sent once more, in one further round; what that round does not answer
     * either ends as the row's error, so no row is left without an answer or an error and nothing is paid for a
     * third time.
     *
     * @return why the run must stop, or null
     */
    String run(String baseUrl, Stage stage, Map<Integer, ChatRequest> requests, Sink sink, BooleanSupplier ended) {
        Map<Integer, ChatRequest> pending = new LinkedHashMap<>(requests);
        Map<Integer, String> keys = new HashMap<>();
        String identity = providerIdentity != null ? providerIdentity : baseUrl;
        requests.forEach((row, request) -> keys.put(row, RequestKey.of(identity, request)));
        BatchLineAccount account = new BatchLineAccount(runId, stage, requests.keySet());
        Map<Integer, Integer> sends = new HashMap<>();
        try {
            answerFromCache(pending, keys, sink, account);
            int nextShard = 0;
            // Rounds this run has already sent for the stage, collected or not: an earlier attempt's resubmission
            // counts, so a resumed run never takes a third round and pays a row three times.
            int rounds = 0;
            List<BatchJob> earlier = new ArrayList<>();
            for (BatchJob job : ledger.jobs(stage)) {
                nextShard = Math.max(nextShard, job.shard() + 1);
                if (job.batchId() != null) {
                    rounds = Math.max(rounds, job.round());
                }
                if (job.batchId() != null && !BatchJob.COLLECTED.equals(job.status())) {
                    earlier.add(job);
                }
            }
            int roundsBefore = rounds;
            if (!earlier.isEmpty()) {
                String stop = awaitAndCollect(stage, earlier, Map.of(), pending, keys, sink, ended, account);
                if (stop != null || ended.getAsBoolean()) {
                    return stop;
                }
            }
            while (rounds < MAX_ROUNDS) {
                if (ended.getAsBoolean()) {
                    return null;
                }
                Map<Integer, ChatRequest> toSend = new LinkedHashMap<>();
                pending.forEach((row, request) -> {
                    if (!account.timedOut(row)) {
                        toSend.put(row, request);
                    }
                });
                if (toSend.isEmpty()) {
                    break;
                }
                toSend.keySet().forEach(row -> sends.merge(row, 1, Integer::sum));
                account.submitted(toSend.size(), rounds > 0);
                Map<Integer, List<Integer>> rowsByShard = new HashMap<>();
                rounds++;
                List<BatchJob> jobs = submit(stage, toSend, nextShard, rowsByShard, rounds);
                nextShard += jobs.size();
                String stop = awaitAndCollect(stage, jobs, rowsByShard, pending, keys, sink, ended, account);
                if (stop != null || ended.getAsBoolean()) {
                    return stop;
                }
            }
            if (!pending.isEmpty()) {
                Map<Integer, StageOutcome> unanswered = new HashMap<>();
                for (int row : pending.keySet()) {
                    unanswered.put(
                            row,
                            StageOutcome.failed(account.unansweredBecause(
                                    row, sends.getOrDefault(row, 0) > 1 || roundsBefore >= MAX_ROUNDS)));
                }
                sink.outcomes(unanswered, keys);
                pending.clear();
            }
            return null;
        } catch (ChatFailure e) {
            return e.getMessage();
        } catch (IOException e) {
            return "Could not write or read a batch file in " + workDirectory + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Interrupted while waiting for a batch";
        } finally {
            sink.reconciled(account.reconciliation());
        }
    }

    private void answerFromCache(
            Map<Integer, ChatRequest> pending, Map<Integer, String> keys, Sink sink, BatchLineAccount account) {
        if (cache == null) {
            return;
        }
        Map<Integer, StageOutcome> hits = new HashMap<>();
        for (int row : pending.keySet()) {
            cache.cached(keys.get(row))
                    .ifPresent(reply -> hits.put(
                            row, StageOutcome.answered(reply.reasoningApart().servedFromCache())));
        }
        if (!hits.isEmpty()) {
            sink.outcomes(hits, keys);
            hits.keySet().forEach(row -> {
                pending.remove(row);
                account.settle(row);
            });
        }
    }

    /**
     * Writes, uploads and creates one batch per shard; each job is in the ledger before anyone polls it.
     * {@code rowsByShard} is filled with the rows each job carries, so the lines it fails to return can be named.
     */
    private List<BatchJob> submit(
            Stage stage,
            Map<Integer, ChatRequest> toSend,
            int firstShard,
            Map<Integer, List<Integer>> rowsByShard,
            int round)
            throws IOException, ChatFailure {
        List<BatchRequestLine> lines = new ArrayList<>(toSend.size());
        List<Integer> rows = new ArrayList<>(toSend.size());
        toSend.forEach((row, request) -> {
            lines.add(new BatchRequestLine(new BatchCustomId(runId, stage.name(), row).toString(), request));
            rows.add(row);
        });
        Files.createDirectories(workDirectory);
        String prefix = "run" + runId + "-" + stage.name().toLowerCase() + "-from" + firstShard;
        List<BatchSharder.Shard> shards = sharder.write(lines.iterator(), workDirectory, prefix);
        List<BatchJob> jobs = new ArrayList<>();
        int from = 0;
        for (BatchSharder.Shard shard : shards) {
            int shardNumber = firstShard + shard.index();
            rowsByShard.put(shardNumber, rows.subList(from, from + shard.lineCount()));
            from += shard.lineCount();
            firstSentNanos.compareAndSet(0, System.nanoTime());
            String fileId = client.upload(shard.file());
            BatchJob uploaded =
                    new BatchJob(stage, shardNumber, fileId, null, "uploaded", shard.lineCount(), null, null, round);
            ledger.saveJob(uploaded);
            BatchState created = client.create(
                    fileId,
                    Map.of(
                            "arbiter_run",
                            Long.toString(runId),
                            "arbiter_stage",
                            stage.name(),
                            "arbiter_shard",
                            Integer.toString(uploaded.shard())));
            linesSent.addAndGet(shard.lineCount());
            BatchJob job = new BatchJob(
                    stage,
                    uploaded.shard(),
                    fileId,
                    created.id(),
                    created.status(),
                    shard.lineCount(),
                    created.outputFileId(),
                    created.errorFileId(),
                    round);
            ledger.saveJob(job);
            jobs.add(job);
            Files.deleteIfExists(shard.file());
        }
        return jobs;
    }

    /**
     * Polls every job until it ends, reporting counts, then reads its files into the sink; cancels on cancel, and
     * cancels a job older than the batch timeout (its unanswered rows then end as errors, not sent again).
     *
     * @param rowsByShard the rows each job carries; empty for jobs an earlier attempt submitted
     */
    private String awaitAndCollect(
            Stage stage,
            List<BatchJob> jobs,
            Map<Integer, List<Integer>> rowsByShard,
            Map<Integer, ChatRequest> pending,
            Map<Integer, String> keys,
            Sink sink,
            BooleanSupplier ended,
            BatchLineAccount account)
            throws ChatFailure, IOException, InterruptedException {
        Map<Integer, BatchState> states = new HashMap<>();
        OpenBatches ages = new OpenBatches(clock);
        java.util.Set<String> timedOut = new java.util.HashSet<>();
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
                ages.seen(job.batchId());
                if (!state.terminal()) {
                    if (!state.status().equals(job.status())) {
                        ledger.saveJob(job.withStatus(state.status(), state.outputFileId(), state.errorFileId()));
                    }
                    // Until the provider takes the cancel, it is asked again at every poll.
                    if (batchTimeout != null
                            && !"cancelling".equals(state.status())
                            && ages.age(state).compareTo(batchTimeout) > 0
                            && cancel(job)) {
                        timedOut.add(job.batchId());
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
                    BatchLineAccount.Gap gap = timedOut.contains(job.batchId())
                            ? BatchLineAccount.Gap.TIMED_OUT
                            : state.succeeded() ? BatchLineAccount.Gap.MISSING : BatchLineAccount.Gap.NOT_RUN;
                    collect(state, pending, keys, sink, account, rowsByShard.getOrDefault(job.shard(), List.of()), gap);
                }
                ledger.saveJob(job.withStatus(BatchJob.COLLECTED, state.outputFileId(), state.errorFileId()));
            }
            sink.progress(
                    states.values().stream().mapToLong(BatchState::completed).sum(),
                    states.values().stream().mapToLong(BatchState::failed).sum(),
                    ages.describe(stillOpen, states));
            open = stillOpen;
            if (!open.isEmpty()) {
                sleeper.sleep(pollInterval);
            }
        }
        return stop;
    }

    private void cancelAll(List<BatchJob> open) {
        for (BatchJob job : open) {
            cancel(job);
        }
    }

    /** True when the provider took the cancel; a batch it refused stays live and is asked again. */
    private boolean cancel(BatchJob job) {
        try {
            BatchState state = client.cancel(job.batchId());
            ledger.saveJob(job.withStatus(state.status(), state.outputFileId(), state.errorFileId()));
            return true;
        } catch (ChatFailure e) {
            // Still in the ledger as live: the next poll, or the next attempt, sees it and collects what it finished.
            return false;
        }
    }

    /**
     * Downloads the output and error files and hands every line that settles a pending row of this run and stage
     * on; then notes each row the job carried that no line settled, and why ({@code gap}).
     */
    private void collect(
            BatchState state,
            Map<Integer, ChatRequest> pending,
            Map<Integer, String> keys,
            Sink sink,
            BatchLineAccount account,
            List<Integer> jobRows,
            BatchLineAccount.Gap gap)
            throws ChatFailure, IOException {
        Map<Integer, StageOutcome> outcomes = new HashMap<>();
        java.util.Set<Integer> notRun = new java.util.HashSet<>();
        for (String fileId : new String[] {state.outputFileId(), state.errorFileId()}) {
            if (fileId == null) {
                continue;
            }
            Path target = workDirectory.resolve(fileId + ".jsonl");
            client.download(fileId, target);
            try (InputStream in = Files.newInputStream(target)) {
                BatchJsonl.read(in, line -> {
                    int row = account.take(line, notRun);
                    if (row >= 0) {
                        outcomes.put(row, StageOutcome.of(line, "Batch line " + line.lineNumber() + ": "));
                    }
                });
            } finally {
                Files.deleteIfExists(target);
            }
        }
        if (cache != null) {
            outcomes.forEach((row, outcome) -> {
                if (outcome.answered()) {
                    cache.cache(
                            keys.get(row), new ChatReply(outcome.text(), outcome.usage(), false, outcome.reasoning()));
                }
            });
        }
        if (!outcomes.isEmpty()) {
            sink.outcomes(outcomes, keys);
        }
        outcomes.keySet().forEach(pending::remove);
        for (int row : notRun) {
            account.gap(row, gap == BatchLineAccount.Gap.TIMED_OUT ? gap : BatchLineAccount.Gap.NOT_RUN, state.id());
        }
        for (int row : jobRows) {
            if (!account.settled(row) && !notRun.contains(row)) {
                account.gap(row, gap, state.id());
            }
        }
    }
}
