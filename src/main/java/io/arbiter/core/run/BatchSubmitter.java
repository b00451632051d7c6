package io.arbiter.core.run;

import io.arbiter.core.llm.BatchCustomId;
import io.arbiter.core.llm.BatchRequestLine;
import io.arbiter.core.llm.BatchSharder;
import io.arbiter.core.llm.BatchState;
import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.OpenAiBatchClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends one round of a stage's rows as batches: JSONL shards written, each uploaded to the stage's provider (the
 * run's, or its juror's own) and its batch created there, and both ids, with that provider, in the ledger before
 * anyone polls it. Counts the lines it has paid for, at every provider.
 */
final class BatchSubmitter {

    private final BatchLedger ledger;
    private final long runId;
    private final Path workDirectory;
    private final BatchSharder sharder;
    private final AtomicLong linesSent = new AtomicLong();
    private final AtomicLong firstSentNanos = new AtomicLong();

    BatchSubmitter(BatchLedger ledger, long runId, Path workDirectory, BatchSharder sharder) {
        this.ledger = ledger;
        this.runId = runId;
        this.workDirectory = workDirectory;
        this.sharder = sharder;
    }

    /** Batch lines uploaded so far. */
    long linesSent() {
        return linesSent.get();
    }

    /** System.nanoTime() of the first upload; 0 before. */
    long firstSentNanos() {
        return firstSentNanos.get();
    }

    /**
     * Writes, uploads and creates one batch per shard at {@code client}'s provider, named {@code provider} in the
     * ledger (null: the run's own); each job is in the ledger before anyone polls it. {@code rowsByShard} is filled
     * with the rows each job carries, so the lines it fails to return can be named.
     */
    List<BatchJob> submit(
            OpenAiBatchClient client,
            String provider,
            Stage stage,
            Map<Integer, ChatRequest> toSend,
            int firstShard,
            Map<Integer, List<Integer>> rowsByShard,
            int round)
            throws IOException, ChatFailure {
        List<BatchRequestLine> lines = new ArrayList<>(toSend.size());
        List<Integer> rows = new ArrayList<>(toSend.size());
        toSend.forEach((row, request) -> {
            lines.add(new BatchRequestLine(new BatchCustomId(runId, stage.name(), row).toString(), request));
            rows.add(row);
        });
        Files.createDirectories(workDirectory);
        String prefix = "run" + runId + "-" + stage.name().toLowerCase() + "-from" + firstShard;
        List<BatchSharder.Shard> shards = sharder.write(lines.iterator(), workDirectory, prefix);
        List<BatchJob> jobs = new ArrayList<>();
        int from = 0;
        for (BatchSharder.Shard shard : shards) {
            int shardNumber = firstShard + shard.index();
            rowsByShard.put(shardNumber, rows.subList(from, from + shard.lineCount()));
            from += shard.lineCount();
            firstSentNanos.compareAndSet(0, System.nanoTime());
            String fileId = client.upload(shard.file());
            BatchJob uploaded = new BatchJob(
                    stage, shardNumber, fileId, null, "uploaded", shard.lineCount(), null, null, round, provider);
            ledger.saveJob(uploaded);
            BatchState created = client.create(
                    fileId,
                    Map.of(
                            "arbiter_run",
                            Long.toString(runId),
                            "arbiter_stage",
                            stage.name(),
                            "arbiter_shard",
                            Integer.toString(uploaded.shard())));
            linesSent.addAndGet(shard.lineCount());
            BatchJob job = new BatchJob(
                    stage,
                    uploaded.shard(),
                    fileId,
                    created.id(),
                    created.status(),
                    shard.lineCount(),
                    created.outputFileId(),
                    created.errorFileId(),
                    round,
                    provider);
            ledger.saveJob(job);
            jobs.add(job);
            Files.deleteIfExists(shard.file());
        }
        return jobs;
    }
}
