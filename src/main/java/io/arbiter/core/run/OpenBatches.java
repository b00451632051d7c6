package io.arbiter.core.run;

import io.arbiter.core.llm.BatchState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How old each batch a stage waits on is, for the batch timeout and the progress line: a batch can sit in_progress
 * for hours, so the line names the one open longest and for how long, e.g. "in_progress (batch_abc, 12 min old)".
 * One stage's polling thread only.
 */
final class OpenBatches {

    private final Clock clock;
    private final Map<String, Instant> firstSeen = new HashMap<>();

    OpenBatches(Clock clock) {
        this.clock = clock;
    }

    /** Notes when this attempt first saw the batch: its age when the provider gives no creation time. */
    void seen(String batchId) {
        firstSeen.putIfAbsent(batchId, clock.instant());
    }

    /** How long a batch has existed: from the provider's creation time, or from when this attempt first saw it. */
    Duration age(BatchState state) {
        Instant created = state.createdAt() > 0
                ? Instant.ofEpochSecond(state.createdAt())
                : firstSeen.getOrDefault(state.id(), clock.instant());
        Duration age = Duration.between(created, clock.instant());
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** The stage's statuses joined, with the id and age of the batch open longest; "submitted" before any poll. */
    String describe(List<BatchJob> open, Map<Integer, BatchState> states) {
        String status = states.values().stream()
                .map(BatchState::status)
                .distinct()
                .sorted()
                .reduce((a, b) -> a + "/" + b)
                .orElse("submitted");
        Duration oldest = Duration.ZERO;
        String oldestId = null;
        for (BatchJob job : open) {
            BatchState state = states.get(job.shard());
            if (state != null) {
                Duration age = age(state);
                if (oldestId == null || age.compareTo(oldest) > 0) {
                    oldest = age;
                    oldestId = state.id();
                }
            }
        }
        if (oldestId == null) {
            return status;
        }
        return open.size() == 1
                ? status + " (" + oldestId + ", " + Age.words(oldest) + " old)"
                : status + " (" + open.size() + " batches open, oldest " + oldestId + ", " + Age.words(oldest) + ")";
    }
}
