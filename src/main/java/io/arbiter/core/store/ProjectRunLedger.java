package io.arbiter.core.store;

import io.arbiter.core.run.BatchJob;
import io.arbiter.core.run.BatchLedger;
import io.arbiter.core.run.RecordFailure;
import io.arbiter.core.run.RunLedger;
import io.arbiter.core.run.Stage;
import io.arbiter.core.run.StageOutcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run's ledger in the project file: responses go to {@code responses}, batch jobs to {@code batch_shards}.
 * {@link #record} returns once the response is committed, so what the engine has seen survives a kill. When the
 * disk is full or fails it throws a {@link RecordFailure} whose message says so, how many answers the file keeps and
 * what to do; the run stops with it and resumes from the file once there is room.
 */
public final class ProjectRunLedger implements RunLedger, BatchLedger {

    private final ProjectStore store;
    private final long runId;
    private volatile RecordFailure failure;

    public ProjectRunLedger(ProjectStore store, long runId) {
        this.store = store;
        this.runId = runId;
    }

    public long runId() {
        return runId;
    }

    /** The project file this run is recorded in. */
    public java.nio.file.Path projectFile() {
        return store.file();
    }

    /** The failure that stopped recording, if one did: the project could not be written. */
    public Optional<RecordFailure> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public Map<Integer, StageOutcome> stored(Stage stage) {
        Map<Integer, StageOutcome> outcomes = new HashMap<>();
        store.responses(runId, stage)
                .forEach((row, r) -> outcomes.put(
                        row,
                        r.error() != null
                                ? new StageOutcome(null, r.error(), r.usage(), false, null, r.rawBody())
                                : new StageOutcome(r.text(), null, r.usage(), r.fromCache(), r.reasoning(), null)));
        return outcomes;
    }

    @Override
    public void record(Stage stage, int row, StageOutcome outcome, String requestKey) {
        try {
            store.recordResponse(new StoredResponse(
                    runId,
                    stage,
                    row,
                    outcome.text(),
                    outcome.error(),
                    outcome.usage(),
                    requestKey,
                    outcome.fromCache(),
                    outcome.reasoning(),
                    outcome.rawBody()));
        } catch (StoreException e) {
            throw failed(e);
        }
    }

    @Override
    public void recordAll(Stage stage, Map<Integer, StageOutcome> outcomes, Map<Integer, String> requestKeys) {
        List<StoredResponse> responses = new java.util.ArrayList<>(outcomes.size());
        outcomes.forEach((row, o) -> responses.add(new StoredResponse(
                runId,
                stage,
                row,
                o.text(),
                o.error(),
                o.usage(),
                requestKeys.get(row),
                o.fromCache(),
                o.reasoning(),
                o.rawBody())));
        try {
            store.recordResponses(responses); // one transaction for a whole output file
        } catch (StoreException e) {
            throw failed(e);
        }
    }

    @Override
    public List<BatchJob> jobs(Stage stage) {
        return store.shards(runId).stream()
                .filter(s -> s.stage() == stage)
                .map(s -> new BatchJob(
                        stage,
                        s.shard(),
                        s.inputFileId(),
                        s.batchId(),
                        s.status(),
                        s.lineCount(),
                        s.outputFileId(),
                        s.errorFileId(),
                        s.round(),
                        s.provider()))
                .toList();
    }

    @Override
    public void saveJob(BatchJob job) {
        try {
            store.upsertShard(new BatchShard(
                    runId,
                    job.stage(),
                    job.shard(),
                    job.inputFileId(),
                    job.batchId(),
                    job.status(),
                    job.lineCount(),
                    job.outputFileId(),
                    job.errorFileId(),
                    null,
                    job.round(),
                    job.provider()));
        } catch (StoreException e) {
            throw failed(e);
        }
    }

    /** A failing disk as one message the run stops with; any other failure as it was. */
    private RuntimeException failed(StoreException e) {
        if (e.kind() == StoreException.Kind.OTHER) {
            return e;
        }
        String kept = answersKept();
        String message =
                switch (e.kind()) {
                    case DISK_FULL -> "disk full while saving answers to " + store.file() + "; " + kept
                            + "; free space and run again to continue";
                    case READ_ONLY -> store.file() + " could not be written (read-only) while saving answers; " + kept
                            + "; make it writable and run again to continue";
                    default -> "disk I/O error while saving answers to " + store.file() + " (" + sqliteSays(e) + "); "
                            + kept + "; check the disk and run again to continue";
                };
        RecordFailure stop = new RecordFailure(message, e);
        failure = stop;
        return stop;
    }

    /** What the file holds for this run: reading still works when writing does not. */
    private String answersKept() {
        try {
            // Counted in the file, not by Stage.values(): a jury's votes are stages of their own.
            return store.answeredResponses(runId) + " answers kept";
        } catch (RuntimeException unreadable) {
            return "the answers saved before are kept";
        }
    }

    private static String sqliteSays(StoreException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage();
    }
}
