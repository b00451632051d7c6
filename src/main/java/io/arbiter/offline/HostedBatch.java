package io.arbiter.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One batch and where it is in its lifecycle. {@link BatchRunner} moves it along while holding its lock;
 * {@link #toJson()} is the OpenAI {@code batch} object a client polls.
 */
final class HostedBatch {

    /** The batch statuses of the OpenAI API, in the order a batch can pass through them. */
    enum Status {
        VALIDATING,
        FAILED,
        IN_PROGRESS,
        FINALIZING,
        COMPLETED,
        EXPIRED,
        CANCELLING,
        CANCELLED;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean terminal() {
            return this == FAILED || this == COMPLETED || this == EXPIRED || this == CANCELLED;
        }
    }

    final String id;
    final long sequence;
    final StoredFile input;
    final String endpoint;
    final String completionWindow;
    final long createdAt;
    final JsonNode metadata;
    final boolean failValidation;
    final OptionalDouble expireAfter;
    /** Set by the fault plan at creation: answer half the lines, then stay in_progress until cancelled. */
    boolean stuck;
    /** Set by the fault plan at creation: the share of answered lines never written to the output file. */
    double missingShare;

    // Guarded by this.
    Status status = Status.VALIDATING;
    long phaseStartedNanos;
    long lastTickNanos;
    double credit;
    final Map<Status, Long> enteredAt = new EnumMap<>(Status.class);
    List<BatchInput.Line> lines = List.of();
    int next;
    int completed;
    int failed;
    final List<String> outputLines = new ArrayList<>();
    final List<String> errorLines = new ArrayList<>();
    List<ObjectNode> validationErrors = List.of();
    String outputFileId;
    String errorFileId;

    HostedBatch(
            String id,
            long sequence,
            StoredFile input,
            String endpoint,
            String completionWindow,
            long createdAt,
            JsonNode metadata,
            boolean failValidation,
            OptionalDouble expireAfter,
            long nowNanos) {
        this.id = id;
        this.sequence = sequence;
        this.input = input;
        this.endpoint = endpoint;
        this.completionWindow = completionWindow;
        this.createdAt = createdAt;
        this.metadata = metadata;
        this.failValidation = failValidation;
        this.expireAfter = expireAfter;
        this.phaseStartedNanos = nowNanos;
    }

    synchronized void enter(Status next, long epochSecond, long nowNanos) {
        status = next;
        enteredAt.put(next, epochSecond);
        phaseStartedNanos = nowNanos;
        lastTickNanos = nowNanos;
    }

    synchronized Status status() {
        return status;
    }

    synchronized ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode node = f.objectNode();
        node.put("id", id);
        node.put("object", "batch");
        node.put("endpoint", endpoint);
        node.put("input_file_id", input.id());
        node.put("completion_window", completionWindow);
        node.put("status", status.wire());
        node.put("output_file_id", outputFileId);
        node.put("error_file_id", errorFileId);
        node.put("created_at", createdAt);
        node.put("in_progress_at", enteredAt.get(Status.IN_PROGRESS));
        node.put("expires_at", createdAt + 24 * 3600);
        node.put("finalizing_at", enteredAt.get(Status.FINALIZING));
        node.put("completed_at", enteredAt.get(Status.COMPLETED));
        node.put("failed_at", enteredAt.get(Status.FAILED));
        node.put("expired_at", enteredAt.get(Status.EXPIRED));
        node.put("cancelling_at", enteredAt.get(Status.CANCELLING));
        node.put("cancelled_at", enteredAt.get(Status.CANCELLED));
        ObjectNode counts = node.putObject("request_counts");
        counts.put("total", lines.size());
        counts.put("completed", completed);
        counts.put("failed", failed);
        if (validationErrors.isEmpty()) {
            node.putNull("errors");
        } else {
            ObjectNode errors = node.putObject("errors");
            errors.put("object", "list");
            errors.putArray("data").addAll(validationErrors);
        }
        if (metadata == null || metadata.isNull()) {
            node.putNull("metadata");
        } else {
            node.set("metadata", metadata);
        }
        return node;
    }
}
