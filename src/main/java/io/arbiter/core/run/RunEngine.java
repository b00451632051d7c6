package io.arbiter.core.run;

import io.arbiter.core.llm.ChatClient;
import java.time.Duration;

/**
 * Runs the two stages over a dataset (or the spec's selection of its rows): every row through the base model and
 * every answered row through the judge, in realtime with at most the profile's concurrency in flight (a row's judge
 * request is queued as soon as its base answer is in), or through the Batch API (the judge batch once the base
 * stage is over; a juror's votes at its own provider's Batch API). Every outcome goes to the {@link RunLedger} as it
 * arrives; rows the ledger already answered are filled from it and not sent again, which is how a killed run
 * resumes. Nothing here blocks the caller of {@link #start}.
 * Each run is an {@link ActiveRun}; {@link RealtimeStages} sends its realtime requests, {@link BatchStageSink} takes
 * its batch output.
 */
public final class RunEngine {

    /** How long a request is out before progress says the run is waiting on it. */
    static final Duration WAITING_NOTICE = Duration.ofSeconds(5);

    private final ChatClient client;
    private final RunLedger ledger;
    private final BatchStageRunner batch;
    private volatile Duration waitingNotice = WAITING_NOTICE;

    /** A realtime run that keeps nothing beyond its outcome. */
    public RunEngine(ChatClient client) {
        this(client, RunLedger.NONE);
    }

    /** A realtime run that records every response in {@code ledger} and resumes from what it holds. */
    public RunEngine(ChatClient client, RunLedger ledger) {
        this(client, ledger, null);
    }

    private RunEngine(ChatClient client, RunLedger ledger, BatchStageRunner batch) {
        this.client = client;
        this.ledger = ledger;
        this.batch = batch;
    }

    /** A run whose stages go through the Batch API, one stage after the other. */
    public static RunEngine batch(BatchStageRunner runner, RunLedger ledger) {
        return new RunEngine(null, ledger, runner);
    }

    /** Reports requests out longer than this as waited on (5 s unless a test needs to see it sooner). */
    public RunEngine waitingNotice(Duration notice) {
        this.waitingNotice = notice;
        return this;
    }

    public RunHandle start(RunSpec spec, RunListener listener) {
        refuseUnreachableJurors(spec);
        ActiveRun run = new ActiveRun(spec, listener, client, ledger, batch, waitingNotice);
        Thread coordinator = new Thread(run::execute, "run-coordinator");
        coordinator.setDaemon(true);
        coordinator.setPriority(Thread.MIN_PRIORITY); // below the window's threads, as the workers are
        coordinator.start();
        return run;
    }

    /** Runs to the end on the calling thread; for the command line and tests. */
    public RunOutcome runToEnd(RunSpec spec, RunListener listener) {
        refuseUnreachableJurors(spec);
        ActiveRun run = new ActiveRun(spec, listener, client, ledger, batch, waitingNotice);
        run.execute();
        return run.outcome().join();
    }

    /**
     * A juror whose profile was never resolved would be sent to the wrong provider, and so would a batch run's juror
     * whose provider has no Batch API client (the faces refuse an unknown profile first, with a message of their own).
     */
    private void refuseUnreachableJurors(RunSpec spec) {
        for (String profile : spec.panel().profileNames()) {
            JurorProvider own = spec.panel().providers().get(profile);
            if (own == null) {
                throw new IllegalArgumentException("No provider was found for the jurors on profile " + profile);
            }
            if (batch != null && !batch.reaches(own.identity())) {
                throw new IllegalArgumentException("No Batch API client was made for the jurors on profile " + profile);
            }
        }
    }
}
