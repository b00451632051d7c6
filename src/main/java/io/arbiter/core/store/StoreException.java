package io.arbiter.core.store;

/** A read or write of an open project file that failed (disk full, file removed, store closed). */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
