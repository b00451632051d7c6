package io.arbiter.core.run;

import io.arbiter.core.llm.Usage;
import java.util.Map;

/**
 * Where a stage's Batch API output goes in a run: each output file's outcomes are recorded in the ledger, then put on
 * their rows; the provider's counts become the stage's progress, on top of the rows the ledger already answered.
 */
final class BatchStageSink implements BatchStageRunner.Sink {

    private final ActiveRun run;
    private final RunLedger ledger;
    private final Stage stage;
    private final int alreadyDone;
    private final int total;

    BatchStageSink(ActiveRun run, RunLedger ledger, Stage stage, int alreadyDone, int total) {
        this.run = run;
        this.ledger = ledger;
        this.stage = stage;
        this.alreadyDone = alreadyDone;
        this.total = total;
    }

    @Override
    public void outcomes(Map<Integer, StageOutcome> outcomes, Map<Integer, String> keys) {
        ledger.recordAll(stage, outcomes, keys);
        outcomes.forEach((row, outcome) -> run.settle(stage, row, outcome));
    }

    @Override
    public void progress(long completed, long failed, String status) {
        Usage usage = run.usage(stage).get();
        // A pair's second answer and swapped judge fill the same bar as the first: one base stage, one judge stage.
        run.progress(new StageProgress(
                stage.bar(),
                (int) Math.min(total, alreadyDone + completed + failed),
                (int) failed,
                total,
                usage,
                status));
    }

    @Override
    public void reconciled(BatchReconciliation reconciliation) {
        run.reconciled(reconciliation);
    }
}
