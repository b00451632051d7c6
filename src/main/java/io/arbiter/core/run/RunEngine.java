package io.arbiter.core.run;

import io.arbiter.core.metrics.ScoredRow;
import io.arbiter.core.llm.ChatClient;
import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.JudgeLoopMetrics;
import io.arbiter.core.prompt.RenderedPrompt;
import io.arbiter.core.prompt.RowPrompts;
import io.arbiter.core.verdict.AnswerNormalizer;
import io.arbiter.core.verdict.JudgeOutputParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs the two stages over a dataset in realtime mode: every row through the base model, then every answered
 * row through the judge, with at most the profile's concurrency in flight. Nothing here blocks the caller.
 */
public final class RunEngine {

    private final ChatClient client;

    public RunEngine(ChatClient client) {
        this.client = client;
    }

    public RunHandle start(RunSpec spec, RunListener listener) {
        ActiveRun run = new ActiveRun(spec, listener);
        Thread coordinator = new Thread(run::execute, "run-coordinator");
        coordinator.setDaemon(true);
        coordinator.start();
        return run;
    }

    /** Runs to the end on the calling thread; for the command line and tests. */
    public RunOutcome runToEnd(RunSpec spec, RunListener listener) {
        ActiveRun run = new ActiveRun(spec, listener);
        run.execute();
        return run.outcome().join();
    }

    private final class ActiveRun implements RunHandle {

        private final RunSpec spec;
        private final RunListener listener;
        private final RowPrompts prompts;
        private final AnswerNormalizer normalizer;
        private final JudgeOutputParser parser;
        private final AtomicReferenceArray<RowResult> rows;
        private final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
        private final AtomicReference<String> stopReason = new AtomicReference<>();
        private final CountDownLatch cancelled = new CountDownLatch(1);
        private final ExecutorService pool;
        private final AtomicReference<Usage> baseUsage = new AtomicReference<>(Usage.NONE);
        private final AtomicReference<Usage> judgeUsage = new AtomicReference<>(Usage.NONE);

        ActiveRun(RunSpec spec, RunListener listener) {
            this.spec = spec;
            this.listener = listener;
            this.prompts = new RowPrompts(spec.dataset(), spec.mapping(), spec.prompts(), spec.labels(), spec.examples());
            this.normalizer = new AnswerNormalizer(spec.labels());
            this.parser = new JudgeOutputParser(spec.labels());
            this.rows = new AtomicReferenceArray<>(spec.dataset().size());
            for (int row = 0; row < rows.length(); row++) {
                rows.set(row, RowResult.pending(row, spec.mapping().truthLabels(spec.dataset(), row)));
            }
            AtomicInteger threadNumber = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(spec.provider().concurrency(), task -> {
                Thread thread = new Thread(task, "run-worker-" + threadNumber.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }

        void execute() {
            try {
                List<Integer> all = new ArrayList<>(rows.length());
                for (int row = 0; row < rows.length(); row++) {
                    all.add(row);
                }
                listener.progress(new StageProgress(Stage.JUDGE, 0, 0, 0, Usage.NONE));
                if (spec.mapping().judgeOnly()) {
                    takeExistingAnswers();
                } else {
                    runStage(Stage.BASE, all);
                }
                if (!ended()) {
                    List<Integer> answered = new ArrayList<>();
                    for (int row = 0; row < rows.length(); row++) {
                        StageOutcome base = rows.get(row).base();
                        if (base.answered() && !base.text().isBlank()) {
                            answered.add(row);
                        }
                    }
                    runStage(Stage.JUDGE, answered);
                }
            } catch (RuntimeException e) {
                stopReason.compareAndSet(null, "The run failed unexpectedly: " + e);
            } finally {
                pool.shutdownNow();
                try {
                    outcome.complete(snapshot());
                } catch (RuntimeException e) {
                    outcome.complete(new RunOutcome(List.of(), JudgeLoopMetrics.of(List.of()), baseUsage.get(),
                            judgeUsage.get(), RunOutcome.Status.STOPPED, "The run failed unexpectedly: " + e));
                }
            }
        }

        /** Judge-only mode: the base answers are already in a column, so the base stage costs nothing. */
        private void takeExistingAnswers() {
            int column = spec.dataset().columnIndex(spec.mapping().answerColumn());
            for (int row = 0; row < rows.length(); row++) {
                String answer = spec.dataset().value(row, column);
                RowResult updated = rows.get(row).withBase(StageOutcome.answered(answer, Usage.NONE),
                        normalizer.normalize(answer));
                rows.set(row, updated);
                listener.rowUpdated(updated);
            }
            listener.progress(new StageProgress(Stage.BASE, rows.length(), 0, rows.length(), Usage.NONE));
        }

        private void runStage(Stage stage, List<Integer> stageRows) {
            int total = stageRows.size();
            AtomicInteger done = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicReference<Usage> usage = stage == Stage.BASE ? baseUsage : judgeUsage;
            CountDownLatch finished = new CountDownLatch(total);
            listener.progress(new StageProgress(stage, 0, 0, total, Usage.NONE));
            for (int row : stageRows) {
                pool.execute(() -> {
                    try {
                        if (ended()) {
                            return;
                        }
                        boolean ok = callFor(stage, row, usage);
                        if (!ok && !ended()) {
                            failed.incrementAndGet();
                        }
                        if (!ended()) {
                            done.incrementAndGet();
                            listener.progress(new StageProgress(stage, done.get(), failed.get(), total, usage.get()));
                        }
                    } finally {
                        finished.countDown();
                    }
                });
            }
            awaitStage(finished);
        }

        /** Waits for the stage, but returns at once on cancel or stop: rows in flight are not waited for. */
        private void awaitStage(CountDownLatch finished) {
            try {
                while (!finished.await(50, TimeUnit.MILLISECONDS)) {
                    if (ended()) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
            }
        }

        /** Sends one row's request for the stage and records what came back; false when it failed. */
        private boolean callFor(Stage stage, int row, AtomicReference<Usage> usage) {
            ProviderProfile provider = spec.provider();
            RowResult current = rows.get(row);
            RenderedPrompt prompt = stage == Stage.BASE
                    ? prompts.base(row)
                    : prompts.judge(row, current.base().text().strip());
            String model = stage == Stage.BASE ? provider.baseModel() : provider.judgeModel();
            ChatRequest request = new ChatRequest(model, prompt.system(), prompt.user(),
                    provider.temperature(), provider.maxTokens());
            RowResult updated;
            boolean ok;
            try {
                ChatReply reply = client.complete(request);
                usage.accumulateAndGet(reply.usage(), Usage::plus);
                StageOutcome answered = StageOutcome.answered(reply.content(), reply.usage());
                updated = stage == Stage.BASE
                        ? current.withBase(answered, normalizer.normalize(reply.content()))
                        : current.withJudge(answered, parser.parse(reply.content()));
                ok = true;
            } catch (ChatFailure failure) {
                if (ended()) {
                    return false; // interrupted by cancel: the row is simply not answered
                }
                if (failure.stopsRun()) {
                    stopReason.compareAndSet(null, failure.getMessage());
                }
                StageOutcome failed = StageOutcome.failed(failure.getMessage());
                updated = stage == Stage.BASE ? current.withBase(failed, null) : current.withJudge(failed, null);
                ok = false;
            } catch (RuntimeException bug) {
                // Recorded on the row, so it is counted and shown instead of vanishing into a worker thread.
                StageOutcome failed = StageOutcome.failed("Internal error: " + bug);
                updated = stage == Stage.BASE ? current.withBase(failed, null) : current.withJudge(failed, null);
                ok = false;
            }
            rows.set(row, updated);
            listener.rowUpdated(updated);
            return ok;
        }

        private boolean ended() {
            return cancelled.getCount() == 0 || stopReason.get() != null;
        }

        private RunOutcome snapshot() {
            List<RowResult> results = new ArrayList<>(rows.length());
            for (int row = 0; row < rows.length(); row++) {
                results.add(rows.get(row));
            }
            RunOutcome.Status status = stopReason.get() != null ? RunOutcome.Status.STOPPED
                    : cancelled.getCount() == 0 ? RunOutcome.Status.CANCELLED
                    : RunOutcome.Status.COMPLETED;
            List<ScoredRow> scored = new ArrayList<>(results.size());
            // Promoted rows are in the judge prompt as worked examples: counting them would flatter the judge.
            results.stream().filter(r -> !spec.promoted(r.row())).forEach(r -> scored.add(r.scored()));
            return new RunOutcome(results, JudgeLoopMetrics.of(scored), baseUsage.get(), judgeUsage.get(),
                    status, stopReason.get());
        }

        @Override
        public void cancel() {
            cancelled.countDown();
        }

        @Override
        public CompletableFuture<RunOutcome> outcome() {
            return outcome;
        }
    }
}
