package io.arbiter.core.run;

/**
 * A ledger could not keep what arrived (a full disk, an I/O error): the run stops, and this message, which says what
 * happened, how much is kept and what to do, is its stop reason as it stands.
 */
public final class RecordFailure extends RuntimeException {

    public RecordFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
