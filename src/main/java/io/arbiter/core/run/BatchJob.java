package io.arbiter.core.run;

/**
 * One batch job of a stage as the ledger keeps it.
 *
 * @param shard       0-based number of the job within the stage; a resubmission takes the next free number
 * @param inputFileId the uploaded JSONL's id
 * @param batchId     the provider's batch id; null until the batch is created
 * @param status      the provider's status, or "uploaded" before the batch exists, or "collected" once its files
 *                    have been read into the ledger
 * @param round       1 for the stage's first sending, 2 for the one resubmission of what it did not answer
 * @param provider    the identity (base URL) of the juror's provider its file was uploaded to and its batch created
 *                    at, so it is polled and read there; null for the run's own provider (and for every job kept
 *                    before jurors could batch on providers of their own)
 */
public record BatchJob(
        Stage stage,
        int shard,
        String inputFileId,
        String batchId,
        String status,
        int lineCount,
        String outputFileId,
        String errorFileId,
        int round,
        String provider) {

    /** A job of the stage's first round, at the run's own provider. */
    public BatchJob(
            Stage stage,
            int shard,
            String inputFileId,
            String batchId,
            String status,
            int lineCount,
            String outputFileId,
            String errorFileId) {
        this(stage, shard, inputFileId, batchId, status, lineCount, outputFileId, errorFileId, 1, null);
    }

    public static final String COLLECTED = "collected";

    public BatchJob withStatus(String newStatus, String outputFile, String errorFile) {
        return new BatchJob(
                stage, shard, inputFileId, batchId, newStatus, lineCount, outputFile, errorFile, round, provider);
    }

    /** Still at the provider: neither ended nor read. */
    public boolean live() {
        return batchId != null
                && !COLLECTED.equals(status)
                && !java.util.Set.of("completed", "failed", "expired", "cancelled")
                        .contains(status);
    }
}
