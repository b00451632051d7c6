package io.arbiter.cli;

import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.StageProgress;
import io.arbiter.core.run.Waiting;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints a run's progress on stderr: at most once a second per stage and once when a stage is done, a batch's
 * id, status and age with its counts, and what the run has been waiting on (at most every ten seconds), so a
 * silent provider is never a silent terminal.
 */
final class ProgressPrinter implements RunListener {

    private static final long WAITING_EVERY_NANOS = 10_000_000_000L;

    private final PrintWriter err;
    private long lastPrinted;
    private long lastWaitingPrinted;
    private boolean waitingShown;

    ProgressPrinter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void progress(StageProgress p) {
        long now = System.nanoTime();
        boolean stageDone = p.total() > 0 && p.done() == p.total();
        if (p.total() == 0 || (!stageDone && now - lastPrinted < 1_000_000_000L)) {
            return;
        }
        lastPrinted = now;
        String batch = p.batchStatus() == null ? "" : ", batch " + p.batchStatus();
        err.printf(
                Locale.ROOT,
                "%s %d/%d (%d failed%s)%n",
                p.stage().name().toLowerCase(Locale.ROOT),
                p.done(),
                p.total(),
                p.failed(),
                batch);
        err.flush();
    }

    @Override
    public synchronized void waiting(Waiting waiting) {
        long now = System.nanoTime();
        if (!waiting.any()) {
            if (waitingShown) {
                err.println("no longer waiting: every request out has answered or given up");
                err.flush();
            }
            waitingShown = false;
            return;
        }
        if (waitingShown && now - lastWaitingPrinted < WAITING_EVERY_NANOS) {
            return;
        }
        lastWaitingPrinted = now;
        waitingShown = true;
        err.println(waiting.describe());
        err.flush();
    }

    @Override
    public void rowUpdated(RowResult row) {}
}
