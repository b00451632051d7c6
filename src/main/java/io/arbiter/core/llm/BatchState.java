package io.arbiter.core.llm;

import java.util.Set;

/**
 * Where a provider's batch job is, in the words the ledger keeps.
 *
 * @param status       the provider's status: validating, in_progress, finalizing, completed, failed, expired,
 *                     cancelling, cancelled
 * @param outputFileId the answers, once there are any; null before
 * @param errorFileId  the failed lines (OpenAI keeps them apart from the answers); null when none
 * @param errors       why the whole batch failed validation, in plain words; null when it did not
 * @param createdAt    when the provider created the batch, in epoch seconds; 0 when it did not say
 */
public record BatchState(
        String id,
        String status,
        long total,
        long completed,
        long failed,
        String outputFileId,
        String errorFileId,
        String errors,
        long createdAt) {

    public BatchState(
            String id,
            String status,
            long total,
            long completed,
            long failed,
            String outputFileId,
            String errorFileId,
            String errors) {
        this(id, status, total, completed, failed, outputFileId, errorFileId, errors, 0);
    }

    private static final Set<String> TERMINAL = Set.of("completed", "failed", "expired", "cancelled");

    /** No further change will come: download what there is (an expired or cancelled batch has partial output). */
    public boolean terminal() {
        return TERMINAL.contains(status);
    }

    public boolean succeeded() {
        return "completed".equals(status);
    }
}
