package io.arbiter.core.dataset;

/** Progress of a read; called from the reading thread, at most about 20 times a second, and once at the end. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (bytesRead, totalBytes, rowsRead) -> {};

    /** {@code totalBytes} is -1 when the size is not known (a stream). */
    void update(long bytesRead, long totalBytes, long rowsRead);
}
