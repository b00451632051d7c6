package io.arbiter.core.store;

import java.time.Instant;

/**
 * One Batch API job in the ledger: which part of which stage it carries and where it is, so a reopened project
 * polls live batches and downloads finished ones instead of paying for them twice.
 *
 * @param shard     0-based index of the shard within the run's stage
 * @param status    the provider's batch status (validating, in_progress, completed, ...) or a local one (written,
 *                  uploaded)
 * @param updatedAt when the ledger last changed this shard; ignored on write, set by the store
 */
public record BatchShard(long runId, String stage, int shard, String inputFileId, String batchId, String status,
                         int lineCount, String outputFileId, String errorFileId, Instant updatedAt) {

    public BatchShard {
        ProjectStore.checkStage(stage);
        if (status == null || status.isBlank()) {
            throw new IllegalArgumentException("A batch shard needs a status");
        }
    }
}
