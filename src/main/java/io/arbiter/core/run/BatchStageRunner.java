package io.arbiter.core.run;

import io.arbiter.core.llm.BatchSharder;
import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.OpenAiBatchClient;
import io.arbiter.core.llm.RequestKey;
import io.arbiter.core.llm.ResponseCache;
import io.arbiter.core.llm.Sleeper;
import io.arbiter.core.run.BatchCollector.StageRows;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One stage through the Batch API: answers what the cache already has, polls and collects jobs an earlier attempt
 * left in the ledger, then writes the rest as JSONL shards, uploads each, creates its batch and records both ids in
 * the ledger before the first poll. Output is joined back on {@code custom_id} (its order is not the input's) and
 * every submitted line is accounted for ({@link BatchLineAccount}): answered, failed, or missing. An expired or
 * cancelled batch keeps its partial output; the rows a round did not answer are sent again once, then end as errors
 * that say why. A batch that fails validation stops the run with the provider's line-numbered errors.
 *
 * <p>A stage goes to one provider: the run's, or for a vote of a juror named {@code model@profile} that juror's own
 * ({@link BatchRoutes}). So a jury across providers is one batch per provider and stage (a vote is a stage), each
 * uploaded, polled and read at its provider, which the ledger keeps with the job for a resumed run.
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

    private final BatchRoutes clients;
    private final BatchLedger ledger;
    private final long runId;
    private final ResponseCache cache;
    private final Duration pollInterval;
    private final Path workDirectory;
    private final Sleeper sleeper;
    private final BatchSubmitter submitter;
    private volatile String providerIdentity;
    private volatile Duration batchTimeout;
    private volatile Clock clock = Clock.systemUTC();

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
        this(BatchRoutes.only(client), ledger, runId, cache, pollInterval, workDirectory, sharder, sleeper);
    }

    /** A runner whose jurors on providers of their own send their votes through {@code clients}' routes. */
    public BatchStageRunner(
            BatchRoutes clients,
            BatchLedger ledger,
            long runId,
            ResponseCache cache,
            Duration pollInterval,
            Path workDirectory,
            BatchSharder sharder,
            Sleeper sleeper) {
        this.clients = clients;
        this.ledger = ledger;
        this.runId = runId;
        this.cache = cache;
        this.pollInterval = pollInterval;
        this.workDirectory = workDirectory;
        this.sleeper = sleeper;
        this.submitter = new BatchSubmitter(ledger, runId, workDirectory, sharder);
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

    /** True when votes routed to {@code provider} (a juror's provider identity; null: the run's) can be sent. */
    boolean reaches(String provider) {
        return clients.reaches(provider);
    }

    /** Batch lines uploaded so far: the requests this runner has paid for. */
    public long linesSent() {
        return submitter.linesSent();
    }

    /** System.nanoTime() of the first upload; 0 before. */
    public long firstSentNanos() {
        return submitter.firstSentNanos();
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
        String route = route(stage, requests);
        // A juror's votes are keyed by its provider, as its realtime stack keys them: one cache for both modes.
        String keyedBy = route != null ? route : identity;
        requests.forEach((row, request) -> keys.put(row, RequestKey.of(keyedBy, request)));
        BatchLineAccount account = new BatchLineAccount(runId, stage, requests.keySet());
        Map<Integer, Integer> sends = new HashMap<>();
        StageRows rows = new StageRows(stage, pending, keys, sink, account);
        BatchCollector collector =
                new BatchCollector(clients, ledger, cache, workDirectory, pollInterval, sleeper, batchTimeout, clock);
        try {
            answerFromCache(rows);
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
                String stop = collector.awaitAndCollect(rows, earlier, Map.of(), ended);
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
                List<BatchJob> jobs =
                        submitter.submit(clients.to(route), route, stage, toSend, nextShard, rowsByShard, rounds);
                nextShard += jobs.size();
                String stop = collector.awaitAndCollect(rows, jobs, rowsByShard, ended);
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

    /** The provider every request of the stage is routed to (null: the run's); a stage never spans two. */
    private static String route(Stage stage, Map<Integer, ChatRequest> requests) {
        List<String> routes =
                requests.values().stream().map(ChatRequest::route).distinct().toList();
        if (routes.size() > 1) { // a bug: one batch file goes to one provider
            throw new IllegalStateException(stage.name() + " has requests for " + routes.size() + " providers");
        }
        return routes.isEmpty() ? null : routes.get(0);
    }

    private void answerFromCache(StageRows rows) {
        if (cache == null) {
            return;
        }
        Map<Integer, StageOutcome> hits = new HashMap<>();
        for (int row : rows.pending().keySet()) {
            cache.cached(rows.keys().get(row))
                    .ifPresent(reply -> hits.put(
                            row, StageOutcome.answered(reply.reasoningApart().servedFromCache())));
        }
        if (!hits.isEmpty()) {
            rows.sink().outcomes(hits, rows.keys());
            hits.keySet().forEach(row -> {
                rows.pending().remove(row);
                rows.account().settle(row);
            });
        }
    }
}
