package io.arbiter.offline;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the server has done, for tests that must prove "nothing lost, nothing duplicated" from the server's side:
 * answers per completion id (the id is a digest of model and prompt, so one row's request always has the same id),
 * chat attempts, injected faults by kind, batch lines processed and calls to each Batch API endpoint; and a signal
 * each time a batch moves on, so a client can wait for the next change instead of polling on a timer.
 */
public final class ServerCounters {

    /** A Batch API endpoint a client calls: so a test can tell which server a batch was sent to and polled at. */
    public enum BatchCall {
        /** {@code POST /v1/files}. */
        UPLOAD,
        /** {@code POST /v1/batches}. */
        CREATE,
        /** {@code GET /v1/batches/{id}}: a status poll. */
        RETRIEVE,
        /** {@code POST /v1/batches/{id}/cancel}. */
        CANCEL,
        /** {@code GET /v1/files/{id}/content}. */
        DOWNLOAD
    }

    private final Map<String, LongAdder> answersById = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> attemptsByRequest = new ConcurrentHashMap<>();
    private final AtomicLong chatAttempts = new AtomicLong();
    private final AtomicLong chatAnswers = new AtomicLong();
    private final AtomicLong batchLines = new AtomicLong();
    private final AtomicLong structuredAsked = new AtomicLong();
    private final Map<FaultPlan.Kind, AtomicLong> faults = new EnumMap<>(FaultPlan.Kind.class);
    private final Map<BatchCall, AtomicLong> batchCalls = new EnumMap<>(BatchCall.class);
    private final Object batchMoveLock = new Object();
    /** Guarded by {@link #batchMoveLock}. */
    private long batchMoves;

    ServerCounters() {
        for (FaultPlan.Kind kind : FaultPlan.Kind.values()) {
            faults.put(kind, new AtomicLong());
        }
        for (BatchCall call : BatchCall.values()) {
            batchCalls.put(call, new AtomicLong());
        }
    }

    void batchCalled(BatchCall call) {
        batchCalls.get(call).incrementAndGet();
    }

    /** Calls received at one Batch API endpoint, refused ones included. */
    public long batchCalls(BatchCall call) {
        return batchCalls.get(call).get();
    }

    void chatAttempt(byte[] requestBody) {
        chatAttempts.incrementAndGet();
        attemptsByRequest
                .computeIfAbsent(DemoChat.digest(requestBody), digest -> new LongAdder())
                .increment();
    }

    void chatAnswered(String completionId) {
        chatAnswers.incrementAndGet();
        answered(completionId);
    }

    void answered(String completionId) {
        answersById.computeIfAbsent(completionId, id -> new LongAdder()).increment();
    }

    void askedStructured() {
        structuredAsked.incrementAndGet();
    }

    void batchLineProcessed() {
        batchLines.incrementAndGet();
    }

    /** A batch changed status or answered lines. */
    void batchMoved() {
        synchronized (batchMoveLock) {
            batchMoves++;
            batchMoveLock.notifyAll();
        }
    }

    void fault(FaultPlan.Kind kind) {
        faults.get(kind).incrementAndGet();
    }

    /** Faults injected of one kind (batch kinds count batches). */
    public long faults(FaultPlan.Kind kind) {
        return faults.get(kind).get();
    }

    /** Chat completion requests received, including those answered with an injected fault. */
    public long chatAttempts() {
        return chatAttempts.get();
    }

    /**
     * How often each distinct chat request body was received, by a digest of the body; a snapshot. A reply that
     * arrived whole is final, so a client that reads it right sends that body once, however odd the reply.
     */
    public Map<String, Long> attemptsByRequest() {
        Map<String, Long> copy = new java.util.HashMap<>();
        attemptsByRequest.forEach((digest, count) -> copy.put(digest, count.sum()));
        return copy;
    }

    /**
     * Chat completions answered with a 200 that carries a completion (slow and reshaped ones included, malformed
     * ones and error objects not).
     */
    public long chatAnswers() {
        return chatAnswers.get();
    }

    /**
     * Chat requests and batch lines that asked for a {@code response_format} other than text, refused ones included
     * (a request that failed on an injected fault before its body was read is not counted).
     */
    public long structuredAsked() {
        return structuredAsked.get();
    }

    /** Batch lines answered (successfully or with a per-line error); expired lines are not counted. */
    public long batchLinesProcessed() {
        return batchLines.get();
    }

    /** How often a batch has moved on (changed status or answered lines) since the server started. */
    public long batchMoves() {
        synchronized (batchMoveLock) {
            return batchMoves;
        }
    }

    /**
     * Waits until a batch moves on after {@code seen} (an earlier {@link #batchMoves()}) and returns the new count,
     * or {@code seen} when nothing moved within {@code timeout}.
     */
    public long awaitBatchMove(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (batchMoveLock) {
            for (long left = timeout.toNanos(); batchMoves <= seen && left > 0; left = deadline - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(batchMoveLock, left);
            }
            return batchMoves;
        }
    }

    /** How often each completion id was answered well-formed, realtime or in a batch; a snapshot. */
    public Map<String, Long> answersById() {
        Map<String, Long> copy = new java.util.HashMap<>();
        answersById.forEach((id, count) -> copy.put(id, count.sum()));
        return copy;
    }

    /** Completion ids answered more than once: a client that resumes and retries correctly leaves this at zero. */
    public long duplicateAnswers() {
        return answersById.values().stream()
                .mapToLong(count -> Math.max(0, count.sum() - 1))
                .sum();
    }
}
