package io.arbiter.ui.progress;

import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RunHandle;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.Stage;
import io.arbiter.core.run.StageProgress;
import io.arbiter.core.run.Unanswered;
import io.arbiter.core.run.Waiting;
import io.arbiter.ui.common.Coalescer;
import io.arbiter.ui.common.Pace;
import io.arbiter.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A run's progress as the screen shows it: two stages, each a bar, a name and a count (a pair's two answers share the
 * base bar and its two orders the judge bar), and Cancel. Run events arrive on
 * worker threads; they are queued and drained on the UI thread, rows in bounded slices so a burst spreads over
 * several pulses, and a large run's bars {@linkplain #SHOW_NANOS paced}. (Past 300 lines: the
 * queue, its drain and the bars it feeds are one piece of threading that is safer read in one place.)
 */
public final class ProgressViewModel {

    /**
     * How long one turn on the UI thread may spend applying streamed rows: a burst (a run replayed from the cache
     * answers thousands of rows a second) is applied over several pulses instead of stalling one.
     */
    static final long SLICE_NANOS = 8_000_000L;
    /** Rows applied between two looks at the clock. */
    static final int SLICE_ROWS = 256;
    /**
     * A large run's bars and counts are rewritten ten times a second at most: each rewrite costs a layout pass and a
     * frame, which thousands of rows a second would otherwise ask for on every pulse. A small stage shows every count.
     */
    static final long SHOW_NANOS = 100_000_000L;

    static final int SMALL_STAGE = 1_000;

    /** What a bar says before any run of the dataset on screen. */
    public static final String NOT_STARTED = "not started";

    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper baseProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper judgeProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper baseCount = new ReadOnlyStringWrapper(NOT_STARTED);
    private final ReadOnlyStringWrapper judgeCount = new ReadOnlyStringWrapper(NOT_STARTED);
    private final ReadOnlyStringWrapper baseTitle = new ReadOnlyStringWrapper("Base");
    private final ReadOnlyStringWrapper judgeTitle = new ReadOnlyStringWrapper("Judge");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper estimate = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyIntegerWrapper failedRows =
            new javafx.beans.property.ReadOnlyIntegerWrapper();

    private final Coalescer coalescer;
    private final LongSupplier clock;
    private final Pace bars;
    private Consumer<List<RowResult>> rowSink = rows -> {};
    private RunHandle handle;
    /** True from Cancel until the run ends, so batch status news does not hide "Cancelling…". UI thread only. */
    private boolean cancelling;
    /** The listener of the run under way; events from an earlier run's stragglers go to its own, dead listener. */
    private volatile Listener current;

    public ProgressViewModel(TaskExecutor executor) {
        this(executor, System::nanoTime);
    }

    /** {@code clock} times a turn's slice of rows (nanoseconds); tests pass their own. */
    ProgressViewModel(TaskExecutor executor, LongSupplier clock) {
        this.executor = executor;
        this.clock = clock;
        this.coalescer = new Coalescer(executor.ui(), this::drain);
        this.bars = new Pace(SHOW_NANOS, clock, coalescer::signal);
    }

    // Properties

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty baseProgressProperty() {
        return baseProgress.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty judgeProgressProperty() {
        return judgeProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty baseCountProperty() {
        return baseCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty judgeCountProperty() {
        return judgeCount.getReadOnlyProperty();
    }

    /** "Base", or "Base (A and B)" for a pair: its count is of answers, two a row. */
    public ReadOnlyStringProperty baseTitleProperty() {
        return baseTitle.getReadOnlyProperty();
    }

    /** "Judge", or "Judge (both orders)" for a pair asked both ways: its count is of verdicts, two a row. */
    public ReadOnlyStringProperty judgeTitleProperty() {
        return judgeTitle.getReadOnlyProperty();
    }

    /**
     * Names the bars for the stages of the run about to start; {@code answersGiven} when the dataset holds the answers
     * (nothing is sent for them: a pair's bar then counts rows, not answers).
     */
    public void nameStages(List<Stage> stages, boolean answersGiven) {
        baseTitle.set(
                !stages.contains(Stage.BASE_B) ? "Base" : answersGiven ? "Answers (A and B given)" : "Base (A and B)");
        judgeTitle.set(stages.contains(Stage.JUDGE_BA) ? "Judge (both orders)" : "Judge");
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The rows the last run left unanswered belong to its dataset: another dataset has none to retry. */
    public void forgetFailures() {
        failedRows.set(0);
    }

    /** Rows the last run left without an answer; "Retry N rows" offers itself while there are any. */
    public javafx.beans.property.ReadOnlyIntegerProperty failedRowsProperty() {
        return failedRows.getReadOnlyProperty();
    }

    /** What the next run will cost, estimated before anything is sent. */
    public ReadOnlyStringProperty estimateProperty() {
        return estimate.getReadOnlyProperty();
    }

    /** Shows the estimate for the run the workbench would start now. */
    public void showEstimate(String text) {
        estimate.set(text);
    }

    // Commands

    /**
     * Clears the bars, their counts and the message, and forgets the failed rows: all were about another dataset or
     * project. Nothing changes while a run goes (it owns the bars).
     */
    public void reset() {
        if (running.get()) {
            return;
        }
        baseProgress.set(0);
        judgeProgress.set(0);
        baseCount.set(NOT_STARTED);
        judgeCount.set(NOT_STARTED);
        baseTitle.set("Base");
        judgeTitle.set("Judge");
        message.set("");
        failedRows.set(0);
    }

    /**
     * Shows how far a run kept in a project got: each stage's answered rows of the rows it covers ({@code scope}),
     * and a line naming the run. Nothing changes while a run goes.
     */
    public void showKept(long runId, List<RowResult> rows, java.util.Set<Integer> scope) {
        if (running.get()) {
            return;
        }
        List<RowResult> covered = scope.isEmpty()
                ? rows
                : rows.stream().filter(r -> scope.contains(r.row())).toList();
        int total = covered.size();
        long based = covered.stream().filter(r -> r.base().answered()).count();
        long judged = covered.stream().filter(r -> r.judge().answered()).count();
        baseProgress.set(total == 0 ? 0 : (double) based / total);
        judgeProgress.set(total == 0 ? 0 : (double) judged / total);
        baseCount.set(String.format(Locale.ROOT, "%,d / %,d", based, total));
        judgeCount.set(String.format(Locale.ROOT, "%,d / %,d", judged, total));
        long unanswered = covered.stream().filter(r -> !r.answered()).count();
        message.set("Run " + runId + " from the project"
                + (unanswered == 0 ? "." : String.format(Locale.ROOT, ": %,d rows not answered.", unanswered)));
    }

    /**
     * Starts a run. {@code launch} is given the listener to attach and returns the engine's handle; updated rows
     * go to {@code rows}, the final outcome to {@code finished}, both on the UI thread.
     */
    public void start(
            Function<RunListener, RunHandle> launch, Consumer<List<RowResult>> rows, Consumer<RunOutcome> finished) {
        if (running.get()) {
            return;
        }
        rowSink = rows;
        baseProgress.set(0);
        judgeProgress.set(0);
        baseCount.set("starting…");
        judgeCount.set("waiting for the base stage");
        message.set("Running…");
        cancelling = false;
        bars.restart();
        running.set(true);
        Listener listener = new Listener();
        current = listener;
        try {
            handle = launch.apply(listener);
        } catch (RuntimeException e) {
            current = null;
            running.set(false);
            message.set("The run could not start: " + e);
            return;
        }
        failedRows.set(0);
        handle.outcome()
                // Its words and its unanswered rows read every row once, on the run's thread: on the window's,
                // a large run's end stalled the window for a tenth of a second.
                .thenApply(outcome -> new Ended(
                        outcome, describe(outcome), outcome.unanswered().rows()))
                .thenAcceptAsync(
                        ended -> {
                            drain(true);
                            current = null;
                            running.set(false);
                            message.set(ended.words());
                            failedRows.set(ended.unanswered());
                            finished.accept(ended.outcome());
                        },
                        executor.ui());
    }

    /** A run's end as the run bar shows it. */
    private record Ended(RunOutcome outcome, String words, int unanswered) {}

    /** Asks the run to stop; finished rows stay. */
    public void cancel() {
        if (handle != null && running.get()) {
            message.set("Cancelling…");
            cancelling = true;
            handle.cancel();
        }
    }

    /** Shows a problem that kept a run from starting. */
    public void refuse(String reason) {
        message.set(reason);
    }

    private void drain() {
        drain(false);
    }

    /**
     * Applies the rows streamed in since the last turn, in chunks of {@link #SLICE_ROWS} until {@link #SLICE_NANOS}
     * have gone ({@code all}: every row, as when the run has ended), and asks for another turn when rows remain.
     */
    private void drain(boolean all) {
        Listener listener = current;
        if (listener == null) {
            return;
        }
        long start = clock.getAsLong();
        boolean more = true;
        while (more && (all || clock.getAsLong() - start < SLICE_NANOS)) {
            List<RowResult> rows = new ArrayList<>(SLICE_ROWS);
            RowResult row;
            while (rows.size() < SLICE_ROWS && (row = listener.updatedRows.poll()) != null) {
                rows.add(row);
            }
            more = rows.size() == SLICE_ROWS;
            if (!rows.isEmpty()) {
                rowSink.accept(rows);
            }
        }
        if (more) {
            coalescer.signal(); // the rest in the next turn, after the pulse this one leaves room for
        }
        synchronized (listener.latest) {
            StageProgress base = listener.latest.get(Stage.BASE);
            StageProgress judge = listener.latest.get(Stage.JUDGE);
            if (bars.letThrough(all || (small(base) && small(judge)))) {
                show(base, baseProgress, baseCount);
                show(judge, judgeProgress, judgeCount);
            }
            StageProgress batch = judge != null && judge.batchStatus() != null ? judge : base;
            if (batch != null && batch.batchStatus() != null && running.get() && !cancelling) {
                message.set(batchMessage(batch));
            } else if (running.get() && !cancelling) {
                Waiting news = listener.waiting.getAndSet(null);
                if (news != null) {
                    message.set(news.any() ? waitingMessage(news) : "Running…");
                }
            }
        }
    }

    /** E.g. "Base stage: batch in_progress, 120/300": a batch can sit in one status for hours, so say which. */
    static String batchMessage(StageProgress p) {
        String stage = p.stage() == Stage.BASE ? "Base stage" : "Judge stage";
        String failed = p.failed() > 0 ? String.format(Locale.ROOT, ", %,d failed", p.failed()) : "";
        return String.format(
                Locale.ROOT, "%s: batch %s, %,d/%,d%s", stage, p.batchStatus(), p.done(), p.total(), failed);
    }

    /** "Retry 1 row", "Retry 12 rows": the button and the message that points to it. */
    public static String retryLabel(int rows) {
        return "Retry " + rows + (rows == 1 ? " row" : " rows");
    }

    /** Says what a silent provider keeps the run waiting on, and that it will not wait for ever. */
    static String waitingMessage(Waiting waiting) {
        String text = waiting.describe();
        return "Running… " + text + " (each gives up at the request timeout, set under Providers…)";
    }

    private static boolean small(StageProgress p) {
        return p == null || p.total() < SMALL_STAGE;
    }

    private static void show(StageProgress p, ReadOnlyDoubleWrapper bar, ReadOnlyStringWrapper count) {
        if (p == null || p.total() == 0) {
            return;
        }
        bar.set(p.fraction());
        String failed = p.failed() > 0 ? " · " + p.failed() + " failed" : "";
        String tokens = p.usage().total() > 0
                ? String.format(Locale.ROOT, " · %,d tokens", p.usage().total())
                : "";
        count.set(String.format(Locale.ROOT, "%,d / %,d%s%s", p.done(), p.total(), failed, tokens));
    }

    /** How a run ended, in the run bar and the status line: "Run finished.", what failed, cancelled or stopped. */
    public static String describe(RunOutcome outcome) {
        Unanswered unanswered = outcome.unanswered();
        String batch = outcome.batchProblems().isEmpty() ? "" : " Batch output: " + outcome.batchProblems() + ".";
        return switch (outcome.status()) {
            case COMPLETED -> (unanswered.none()
                            ? "Run finished."
                            : "Run completed with " + unanswered.brief(2) + ". " + retryLabel(unanswered.rows())
                                    + " sends only those; the other answers are kept.")
                    + batch;
            case CANCELLED -> "Run cancelled; finished rows are kept." + batch;
            case STOPPED -> "Run stopped: " + outcome.stopReason() + batch;
        };
    }

    /** Takes engine events on worker threads and hands them to the UI thread in batches. */
    private final class Listener implements RunListener {

        private final Map<Stage, StageProgress> latest = new HashMap<>();
        private final ConcurrentLinkedQueue<RowResult> updatedRows = new ConcurrentLinkedQueue<>();
        /** The latest news of requests waited on, until the UI thread takes it; null when there is none. */
        private final java.util.concurrent.atomic.AtomicReference<Waiting> waiting =
                new java.util.concurrent.atomic.AtomicReference<>();

        @Override
        public void waiting(Waiting news) {
            waiting.set(news);
            coalescer.signal();
        }

        @Override
        public void progress(StageProgress progress) {
            synchronized (latest) {
                StageProgress previous = latest.get(progress.stage());
                // Workers report concurrently; never let a late, smaller count move a bar backwards.
                if (previous == null || progress.total() != previous.total() || progress.done() >= previous.done()) {
                    latest.put(progress.stage(), progress);
                }
            }
            coalescer.signal();
        }

        @Override
        public void rowUpdated(RowResult row) {
            updatedRows.add(row);
            coalescer.signal();
        }
    }
}
