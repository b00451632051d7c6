package io.arbiter.core.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A ledger in memory: for tests, and for a workbench session without a project file. Thread-safe. */
public final class InMemoryRunLedger implements RunLedger, BatchLedger {

    private final Map<Stage, Map<Integer, StageOutcome>> responses = new ConcurrentHashMap<>();
    private final Map<Stage, Map<Integer, String>> keys = new ConcurrentHashMap<>();
    private final Map<String, BatchJob> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger records = new AtomicInteger();

    @Override
    public Map<Integer, StageOutcome> stored(Stage stage) {
        return Map.copyOf(responses.getOrDefault(stage, Map.of()));
    }

    @Override
    public void record(Stage stage, int row, StageOutcome outcome, String requestKey) {
        responses.computeIfAbsent(stage, s -> new ConcurrentHashMap<>()).put(row, outcome);
        if (requestKey != null) {
            keys.computeIfAbsent(stage, s -> new ConcurrentHashMap<>()).put(row, requestKey);
        }
        records.incrementAndGet();
    }

    /** The request key recorded with a row's response; null when none. */
    public String requestKey(Stage stage, int row) {
        return keys.getOrDefault(stage, Map.of()).get(row);
    }

    /** How many times {@link #record} was called. */
    public int records() {
        return records.get();
    }

    @Override
    public List<BatchJob> jobs(Stage stage) {
        List<BatchJob> list = new ArrayList<>();
        jobs.values().stream().filter(j -> j.stage() == stage).forEach(list::add);
        list.sort(Comparator.comparingInt(BatchJob::shard));
        return list;
    }

    @Override
    public void saveJob(BatchJob job) {
        jobs.put(job.stage() + "/" + job.shard(), job);
    }
}
