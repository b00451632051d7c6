package io.arbiter.core.dataset;

/** A dataset could not be read; the message names the file, the line and the problem. */
public final class DatasetException extends Exception {

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
