package io.arbiter.offline;

import java.util.Optional;
import java.util.OptionalDouble;

/** What a fault plan does to the next batch created: fail its validation, or let it expire part-way. */
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
    };

    /** True when the batch being created must fail validation; consumes one planned failure. */
    boolean takeValidationFailure();

    /** The fraction of lines after which the batch being created expires; consumes one planned expiry. */
    OptionalDouble takeExpiry();

    /** How to reshape the answer to one batch line ({@link ReplyShapes}), drawn per line body; empty for a plain one. */
    default Optional<FaultPlan.Kind> replyShape(byte[] lineBody) {
        return Optional.empty();
    }
}
