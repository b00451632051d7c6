package io.arbiter.core.run;

import io.arbiter.core.llm.BatchJsonl;
import io.arbiter.core.llm.BatchState;
import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.OpenAiBatchClient;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Waits on a stage's batches and reads back what they answered: polls each job at its own provider until it ends,
 * reporting counts; cancels on cancel and past the batch timeout; joins output and error lines back to their rows on
 * {@code custom_id}, caches the answers and notes every row a job carried that no line settled, and why.
 */
final class BatchCollector {

    /** The rows of one stage still to settle, their request keys, where their outcomes go and how lines add up. */
    record StageRows(
            Stage stage,
            Map<Integer, ChatRequest> pending,
            Map<Integer, String> keys,
            BatchStageRunner.Sink sink,
            BatchLineAccount account) {}

    private final BatchRoutes clients;
    private final BatchLedger ledger;
    private final ResponseCache cache;
    private final Path workDirectory;
    private final Duration pollInterval;
    private final Sleeper sleeper;
    private final Duration batchTimeout;
    private final Clock clock;

    /**
     * @param cache        where answers go for later runs; null for none
     * @param batchTimeout how long a batch may stay open before it is cancelled; null: as long as the provider likes
     */
    BatchCollector(
            BatchRoutes clients,
            BatchLedger ledger,
            ResponseCache cache,
            Path workDirectory,
            Duration pollInterval,
            Sleeper sleeper,
            Duration batchTimeout,
            Clock clock) {
        this.clients = clients;
        this.ledger = ledger;
        this.cache = cache;
        this.workDirectory = workDirectory;
        this.pollInterval = pollInterval;
        this.sleeper = sleeper;
        this.batchTimeout = batchTimeout;
        this.clock = clock;
    }

    /**
     * Polls every job until it ends, reporting counts, then reads its files into the sink; cancels on cancel, and
     * cancels a job older than the batch timeout (its unanswered rows then end as errors, not sent again).
     *
     * @param rowsByShard the rows each job carries; empty for jobs an earlier attempt submitted
     */
    String awaitAndCollect(
            StageRows rows, List<BatchJob> jobs, Map<Integer, List<Integer>> rowsByShard, BooleanSupplier ended)
            throws ChatFailure, IOException, InterruptedException {
        Map<Integer, BatchState> states = new HashMap<>();
        OpenBatches ages = new OpenBatches(clock);
        Set<String> timedOut = new HashSet<>();
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
                OpenAiBatchClient client = clients.to(job.provider());
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
                    stop = "The batch " + state.id() + " ("
                            + rows.stage().name().toLowerCase() + " stage, shard "
                            + job.shard() + ") failed validation: "
                            + (state.errors() == null ? "the provider gave no reason" : state.errors());
                } else {
                    BatchLineAccount.Gap gap = timedOut.contains(job.batchId())
                            ? BatchLineAccount.Gap.TIMED_OUT
                            : state.succeeded() ? BatchLineAccount.Gap.MISSING : BatchLineAccount.Gap.NOT_RUN;
                    collect(client, state, rows, rowsByShard.getOrDefault(job.shard(), List.of()), gap);
                }
                ledger.saveJob(job.withStatus(BatchJob.COLLECTED, state.outputFileId(), state.errorFileId()));
            }
            rows.sink()
                    .progress(
                            states.values().stream()
                                    .mapToLong(BatchState::completed)
                                    .sum(),
                            states.values().stream()
                                    .mapToLong(BatchState::failed)
                                    .sum(),
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
            BatchState state = clients.to(job.provider()).cancel(job.batchId());
            ledger.saveJob(job.withStatus(state.status(), state.outputFileId(), state.errorFileId()));
            return true;
        } catch (ChatFailure e) {
            // Still in the ledger as live: the next poll, or the next attempt, sees it and collects what it finished.
            return false;
        }
    }

    /**
     * Downloads the output and error files from the job's provider and hands every line that settles a pending row
     * of this run and stage on; then notes each row the job carried that no line settled, and why ({@code gap}).
     */
    private void collect(
            OpenAiBatchClient client, BatchState state, StageRows rows, List<Integer> jobRows, BatchLineAccount.Gap gap)
            throws ChatFailure, IOException {
        Map<Integer, StageOutcome> outcomes = new HashMap<>();
        Set<Integer> notRun = new HashSet<>();
        BatchLineAccount account = rows.account();
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
                            rows.keys().get(row),
                            new ChatReply(outcome.text(), outcome.usage(), false, outcome.reasoning()));
                }
            });
        }
        if (!outcomes.isEmpty()) {
            rows.sink().outcomes(outcomes, rows.keys());
        }
        outcomes.keySet().forEach(rows.pending()::remove);
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
