package io.arbiter.cli;

import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.StageProgress;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints a run's progress on stderr, at most once a second per stage and once when a stage is done. */
final class ProgressPrinter implements RunListener {

    private final PrintWriter err;
    private long lastPrinted;

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
        err.printf(Locale.ROOT, "%s %d/%d (%d failed)%n", p.stage().name().toLowerCase(Locale.ROOT),
                p.done(), p.total(), p.failed());
        err.flush();
    }

    @Override
    public void rowUpdated(RowResult row) {
    }
}
