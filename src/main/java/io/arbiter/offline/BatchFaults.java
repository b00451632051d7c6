package io.arbiter.offline;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a fault plan does to the next batch created (fail validation, expire or stall part-way, lose output lines) and
 * to its lines (reshape an answer, refuse a response_format).
 */
interface BatchFaults {

    BatchFaults NONE = new BatchFaults() {
        @Override
        public boolean takeValidationFailure() {
            return false;
        }

        @Override
        public OptionalDouble takeExpiry() {
            return OptionalDouble.empty();
        }

        @Override
        public boolean takeStuck() {
            return false;
        }

        @Override
        public double takeMissingShare() {
            return 0;
        }

        @Override
        public BatchOutputFaults output() {
            return BatchOutputFaults.NONE;
        }
    };

    /** True when the batch being created must fail validation; consumes one planned failure. */
    boolean takeValidationFailure();

    /** The fraction of lines after which the batch being created expires; consumes one planned expiry. */
    OptionalDouble takeExpiry();

    /** True when the batch being created must stall in_progress; consumes one planned stall. */
    boolean takeStuck();

    /** The share of answered lines the batch being created leaves out of its output; consumes one planned loss. */
    double takeMissingShare();

    /** The output faults every batch gets (unknown and duplicate lines). */
    BatchOutputFaults output();

    /** Whether a line asking for {@code response_format} is refused with a 400 ({@code no-structured}). */
    default boolean refusesStructuredOutput() {
        return false;
    }

    /** How to reshape the answer to one batch line ({@link ReplyShapes}), drawn per line body; empty for a plain one. */
    default Optional<FaultPlan.Kind> replyShape(byte[] lineBody) {
        return Optional.empty();
    }
}
