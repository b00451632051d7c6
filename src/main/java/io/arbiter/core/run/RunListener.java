package io.arbiter.core.run;

/**
 * Hears a run as it goes. Called on the run's worker threads, often and concurrently: implementations hand
 * the news over to their own thread and return at once.
 */
public interface RunListener {

    void progress(StageProgress progress);

    void rowUpdated(RowResult row);

    /** Requests have been out longer than a few seconds (or no longer are: {@link Waiting#NONE}). */
    default void waiting(Waiting waiting) {}

    /** A listener that ignores everything, for callers that only want the outcome. */
    RunListener NONE = new RunListener() {
        @Override
        public void progress(StageProgress progress) {}

        @Override
        public void rowUpdated(RowResult row) {}
    };
}
