package io.arbiter.core.store;

import io.arbiter.core.run.Stage;
import java.time.Instant;

/**
 * One Batch API job in the ledger: which part of which stage it carries and where it is, so a reopened project
 * polls live batches and downloads finished ones instead of paying for them twice.
 *
 * @param shard     0-based index of the shard within the run's stage
 * @param status    the provider's batch status (validating, in_progress, completed, ...) or a local one (written,
 *                  uploaded)
 * @param updatedAt when the ledger last changed this shard; ignored on write, set by the store
 * @param round     1 for a stage's first sending, 2 for the one resubmission of what it did not answer
 * @param provider  the identity (base URL) of the juror's provider the batch was sent to; null for the run's own,
 *                  as every shard kept before format 12 is
 */
public record BatchShard(
        long runId,
        Stage stage,
        int shard,
        String inputFileId,
        String batchId,
        String status,
        int lineCount,
        String outputFileId,
        String errorFileId,
        Instant updatedAt,
        int round,
        String provider) {

    /** A shard at the run's own provider. */
    public BatchShard(
            long runId,
            Stage stage,
            int shard,
            String inputFileId,
            String batchId,
            String status,
            int lineCount,
            String outputFileId,
            String errorFileId,
            Instant updatedAt,
            int round) {
        this(
                runId,
                stage,
                shard,
                inputFileId,
                batchId,
                status,
                lineCount,
                outputFileId,
                errorFileId,
                updatedAt,
                round,
                null);
    }

    /** A shard of a stage's first round. */
    public BatchShard(
            long runId,
            Stage stage,
            int shard,
            String inputFileId,
            String batchId,
            String status,
            int lineCount,
            String outputFileId,
            String errorFileId,
            Instant updatedAt) {
        this(runId, stage, shard, inputFileId, batchId, status, lineCount, outputFileId, errorFileId, updatedAt, 1);
    }

    public BatchShard {
        if (stage == null) {
            throw new IllegalArgumentException("Stage must be BASE or JUDGE, not null");
        }
        if (status == null || status.isBlank()) {
            throw new IllegalArgumentException("A batch shard needs a status");
        }
    }
}
