package io.arbiter.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.offline.HostedBatch.Status;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs batches through validating → in_progress → finalizing → completed (or failed, expired, cancelling →
 * cancelled) on one scheduler thread owned by the server, answering each line through {@link DemoChat} at the
 * configured {@link BatchPace}; {@link BatchOutputFiles} writes what a batch answered as its output and error files.
 */
final class BatchRunner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BatchRunner.class.getName());
    private static final long TICK_MILLIS = 20;
    static final String CHAT_ENDPOINT = "/v1/chat/completions";

    private final FileStore files;
    private final DemoChat chat;
    private final BatchPace pace;
    private final BatchFaults faults;
    private final ServerCounters counters;
    private final Clock clock;
    private final Map<String, HostedBatch> jobs = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final String nonce = Long.toHexString(System.nanoTime());
    private final ScheduledExecutorService scheduler;
    private final BatchOutputFiles outputFiles;

    BatchRunner(
            FileStore files, DemoChat chat, BatchPace pace, BatchFaults faults, ServerCounters counters, Clock clock) {
        this.files = files;
        this.chat = chat;
        this.pace = pace;
        this.faults = faults;
        this.counters = counters;
        this.clock = clock;
        this.outputFiles = new BatchOutputFiles(files, faults, counters, clock);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "offline-server-batches");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    HostedBatch create(StoredFile input, String endpoint, String completionWindow, JsonNode metadata) {
        long number = sequence.incrementAndGet();
        String id = "batch_"
                + DemoChat.digest("batch\u0000" + nonce + "\u0000" + number).substring(0, 24);
        boolean failValidation = faults.takeValidationFailure();
        OptionalDouble expireAfter = failValidation ? OptionalDouble.empty() : faults.takeExpiry();
        if (failValidation) {
            counters.fault(FaultPlan.Kind.BATCH_VALIDATION_FAIL);
        }
        if (expireAfter.isPresent()) {
            counters.fault(FaultPlan.Kind.BATCH_EXPIRE);
        }
        HostedBatch job = new HostedBatch(
                id,
                number,
                input,
                endpoint,
                completionWindow,
                now(),
                metadata,
                failValidation,
                expireAfter,
                System.nanoTime());
        if (!failValidation) {
            job.stuck = faults.takeStuck();
            job.missingShare = faults.takeMissingShare();
            if (job.stuck) {
                counters.fault(FaultPlan.Kind.BATCH_STUCK);
            }
            if (job.missingShare > 0) {
                counters.fault(FaultPlan.Kind.BATCH_MISSING_LINES);
            }
        }
        jobs.put(id, job);
        return job;
    }

    Optional<HostedBatch> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Newest first, as OpenAI lists them. */
    List<HostedBatch> list() {
        List<HostedBatch> all = new ArrayList<>(jobs.values());
        all.sort(Comparator.comparingLong((HostedBatch job) -> job.sequence).reversed());
        return all;
    }

    /** Moves a running batch to cancelling; returns false when it has already ended. */
    boolean cancel(HostedBatch job) {
        synchronized (job) {
            switch (job.status) {
                case VALIDATING, IN_PROGRESS -> {
                    job.enter(Status.CANCELLING, now(), System.nanoTime());
                    counters.batchMoved();
                }
                case CANCELLING, FINALIZING -> {
                    // Cancelling is under way, or every line is answered and the files are being written.
                }
                default -> {
                    return false;
                }
            }
            return true;
        }
    }

    private void tick() {
        boolean moved = false;
        for (HostedBatch job : jobs.values()) {
            try {
                synchronized (job) {
                    Status before = job.status;
                    int answered = job.next;
                    step(job, System.nanoTime());
                    moved |= job.status != before || job.next != answered;
                }
            } catch (RuntimeException e) {
                // One broken batch must not stop the scheduler for the others.
                moved = true;
                LOG.log(Level.WARNING, "Offline batch " + job.id + " failed", e);
                synchronized (job) {
                    job.validationErrors =
                            List.of(BatchInput.error("server_error", "The offline server failed: " + e, null, null));
                    job.enter(Status.FAILED, now(), System.nanoTime());
                }
            }
        }
        if (moved) {
            counters.batchMoved();
        }
    }

    private void step(HostedBatch job, long nowNanos) {
        boolean phaseOver =
                nowNanos - job.phaseStartedNanos >= pace.phaseDelay().toNanos();
        switch (job.status) {
            case VALIDATING -> {
                if (phaseOver) {
                    validate(job, nowNanos);
                }
            }
            case IN_PROGRESS -> process(job, nowNanos);
            case FINALIZING -> {
                if (phaseOver) {
                    outputFiles.write(job);
                    job.enter(Status.COMPLETED, now(), nowNanos);
                }
            }
            case CANCELLING -> {
                if (phaseOver) {
                    outputFiles.write(job);
                    job.enter(Status.CANCELLED, now(), nowNanos);
                }
            }
            default -> {
                // Ended: nothing more happens to it.
            }
        }
    }

    private void validate(HostedBatch job, long nowNanos) {
        BatchInput input = BatchInput.parse(job.input.content(), job.endpoint);
        if (input.valid() && job.failValidation) {
            input = new BatchInput(
                    List.of(),
                    List.of(BatchInput.error(
                            "invalid_request",
                            "Validation failed because the offline server's fault plan says so (batch-validation-fail).",
                            null,
                            null)));
        }
        if (!input.valid()) {
            job.validationErrors = input.errors();
            job.enter(Status.FAILED, now(), nowNanos);
            return;
        }
        job.lines = input.lines();
        job.enter(Status.IN_PROGRESS, now(), nowNanos);
    }

    private void process(HostedBatch job, long nowNanos) {
        job.credit += (nowNanos - job.lastTickNanos) / 1e9 * pace.linesPerSecond();
        job.lastTickNanos = nowNanos;
        int total = job.lines.size();
        int stopAt = job.expireAfter.isPresent()
                ? (int) Math.floor(total * job.expireAfter.getAsDouble())
                : job.stuck ? total / 2 : total;
        int due = (int) Math.min(Math.floor(job.credit), stopAt - job.next);
        for (int i = 0; i < due; i++) {
            answer(job, job.lines.get(job.next++));
        }
        job.credit -= due;
        if (job.stuck) {
            return; // in_progress until cancelled, however long the client waits
        }
        if (job.next >= stopAt && stopAt < total) {
            expire(job, nowNanos);
        } else if (job.next >= total) {
            job.enter(Status.FINALIZING, now(), nowNanos);
        }
    }

    private void answer(HostedBatch job, BatchInput.Line line) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put(
                "id",
                "batch_req_"
                        + DemoChat.digest(job.id + "\u0000" + line.customId()).substring(0, 24));
        result.put("custom_id", line.customId());
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("request_id", "req_" + DemoChat.digest("req\u0000" + job.id + "\u0000" + line.customId()));
        try {
            StructuredReply.admit(line.body(), faults.refusesStructuredOutput(), counters);
            ObjectNode completion = chat.complete(line.body());
            Optional<FaultPlan.Kind> shape =
                    faults.replyShape(line.body().toString().getBytes(StandardCharsets.UTF_8));
            response.put("status_code", 200);
            response.set(
                    "body", shape.isPresent() ? ReplyShapes.reshape(shape.get(), completion, line.body()) : completion);
            result.set("response", response);
            result.putNull("error");
            job.outputLines.add(BatchOutputFiles.write(result));
            job.completed++;
            if (shape.isEmpty() || ReplyShapes.charged(shape.get())) {
                counters.answered(completion.get("id").asText());
            }
        } catch (ApiError e) {
            response.put("status_code", e.status());
            response.set("body", e.toJson());
            result.set("response", response);
            result.putNull("error");
            job.errorLines.add(BatchOutputFiles.write(result));
            job.failed++;
        }
        counters.batchLineProcessed();
    }

    private void expire(HostedBatch job, long nowNanos) {
        for (int i = job.next; i < job.lines.size(); i++) {
            BatchInput.Line line = job.lines.get(i);
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.put(
                    "id",
                    "batch_req_"
                            + DemoChat.digest(job.id + "\u0000" + line.customId())
                                    .substring(0, 24));
            result.put("custom_id", line.customId());
            result.putNull("response");
            ObjectNode error = result.putObject("error");
            error.put("code", "batch_expired");
            error.put("message", "This request could not be executed before the completion window expired.");
            job.errorLines.add(BatchOutputFiles.write(result));
            job.failed++;
        }
        job.next = job.lines.size();
        outputFiles.write(job);
        job.enter(Status.EXPIRED, now(), nowNanos);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
