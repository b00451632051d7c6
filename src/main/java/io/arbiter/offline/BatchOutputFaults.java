package io.arbiter.offline;

/**
 * What a fault plan does to a batch's output files, the way real providers and gateways have been seen to: lines
 * that were answered (and paid for) but never written, lines for requests nobody sent, lines written twice with
 * different content, and batches that never leave {@code in_progress}.
 *
 * @param missing       share of a batch's answered lines left out of its output file
 * @param missingCount  how many batches lose lines ({@link Integer#MAX_VALUE}: every batch)
 * @param unknown       lines per batch added with a {@code custom_id} that matches no request
 * @param duplicate     share of a batch's output lines written a second time, the copy with other content
 * @param stuck         how many batches stay {@code in_progress} after answering half their lines, until cancelled
 */
public record BatchOutputFaults(double missing, int missingCount, int unknown, double duplicate, int stuck) {

    public static final BatchOutputFaults NONE = new BatchOutputFaults(0, 0, 0, 0, 0);

    public BatchOutputFaults {
        if (!(missing >= 0 && missing <= 1) || !(duplicate >= 0 && duplicate <= 1)) {
            throw new IllegalArgumentException("batch-missing-lines and batch-duplicate-lines are shares from 0 to 1");
        }
        if (missingCount < 0 || unknown < 0 || stuck < 0) {
            throw new IllegalArgumentException("batch output fault counts must not be negative");
        }
    }

    BatchOutputFaults withMissing(double share, int count) {
        return new BatchOutputFaults(share, count, unknown, duplicate, stuck);
    }

    BatchOutputFaults withUnknown(int lines) {
        return new BatchOutputFaults(missing, missingCount, lines, duplicate, stuck);
    }

    BatchOutputFaults withDuplicate(double share) {
        return new BatchOutputFaults(missing, missingCount, unknown, share, stuck);
    }

    BatchOutputFaults withStuck(int count) {
        return new BatchOutputFaults(missing, missingCount, unknown, duplicate, count);
    }
}
