package io.arbiter.core.store;

import io.arbiter.core.run.BatchJob;
import io.arbiter.core.run.BatchLedger;
import io.arbiter.core.run.RunLedger;
import io.arbiter.core.run.Stage;
import io.arbiter.core.run.StageOutcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's ledger in the project file: responses go to {@code responses}, batch jobs to {@code batch_shards}.
 * {@link #record} returns once the response is committed, so what the engine has seen survives a kill.
 */
public final class ProjectRunLedger implements RunLedger, BatchLedger {

    private final ProjectStore store;
    private final long runId;

    public ProjectRunLedger(ProjectStore store, long runId) {
        this.store = store;
        this.runId = runId;
    }

    public long runId() {
        return runId;
    }

    @Override
    public Map<Integer, StageOutcome> stored(Stage stage) {
        Map<Integer, StageOutcome> outcomes = new HashMap<>();
        store.responses(runId, stage.name()).forEach((row, r) -> outcomes.put(row,
                r.error() != null ? new StageOutcome(null, r.error(), r.usage(), false, null, r.rawBody())
                        : new StageOutcome(r.text(), null, r.usage(), r.fromCache(), r.reasoning(), null)));
        return outcomes;
    }

    @Override
    public void record(Stage stage, int row, StageOutcome outcome, String requestKey) {
        store.recordResponse(new StoredResponse(runId, stage.name(), row, outcome.text(), outcome.error(),
                outcome.usage(), requestKey, outcome.fromCache(), outcome.reasoning(), outcome.rawBody()));
    }

    @Override
    public void recordAll(Stage stage, Map<Integer, StageOutcome> outcomes, Map<Integer, String> requestKeys) {
        List<StoredResponse> responses = new java.util.ArrayList<>(outcomes.size());
        outcomes.forEach((row, o) -> responses.add(new StoredResponse(runId, stage.name(), row, o.text(), o.error(),
                o.usage(), requestKeys.get(row), o.fromCache(), o.reasoning(), o.rawBody())));
        store.recordResponses(responses); // one transaction for a whole output file
    }

    @Override
    public List<BatchJob> jobs(Stage stage) {
        return store.shards(runId).stream()
                .filter(s -> s.stage().equals(stage.name()))
                .map(s -> new BatchJob(stage, s.shard(), s.inputFileId(), s.batchId(), s.status(), s.lineCount(),
                        s.outputFileId(), s.errorFileId()))
                .toList();
    }

    @Override
    public void saveJob(BatchJob job) {
        store.upsertShard(new BatchShard(runId, job.stage().name(), job.shard(), job.inputFileId(), job.batchId(),
                job.status(), job.lineCount(), job.outputFileId(), job.errorFileId(), null));
    }
}
