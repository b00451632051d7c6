package io.arbiter.core.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A ledger in memory: for tests, and for a workbench session without a project file. Thread-safe. */
public final class InMemoryRunLedger implements RunLedger, BatchLedger {

    private final Map<Stage, Map<Integer, StageOutcome>> responses = new EnumMap<>(Stage.class);
    private final Map<Stage, Map<Integer, String>> keys = new EnumMap<>(Stage.class);
    private final Map<String, BatchJob> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger records = new AtomicInteger();

    public InMemoryRunLedger() {
        for (Stage stage : Stage.values()) {
            responses.put(stage, new ConcurrentHashMap<>());
            keys.put(stage, new ConcurrentHashMap<>());
        }
    }

    @Override
    public Map<Integer, StageOutcome> stored(Stage stage) {
        return Map.copyOf(responses.get(stage));
    }

    @Override
    public void record(Stage stage, int row, StageOutcome outcome, String requestKey) {
        responses.get(stage).put(row, outcome);
        if (requestKey != null) {
            keys.get(stage).put(row, requestKey);
        }
        records.incrementAndGet();
    }

    /** The request key recorded with a row's response; null when none. */
    public String requestKey(Stage stage, int row) {
        return keys.get(stage).get(row);
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
