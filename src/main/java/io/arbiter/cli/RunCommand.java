package io.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.export.ExportSidecar;
import io.arbiter.core.export.MetricsJson;
import io.arbiter.core.export.ReliabilityJson;
import io.arbiter.core.export.ResultsWriter;
import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.Timeouts;
import io.arbiter.core.metrics.JudgeReport;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.project.ArbiterBuild;
import io.arbiter.core.project.Project;
import io.arbiter.core.project.Recording;
import io.arbiter.core.project.RunClients;
import io.arbiter.core.review.ReviewLog;
import io.arbiter.core.run.BatchLedger;
import io.arbiter.core.run.InMemoryRunLedger;
import io.arbiter.core.run.JudgeReliability;
import io.arbiter.core.run.JudgeSetup;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RunLedger;
import io.arbiter.core.run.RunMode;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.Unanswered;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.store.StoreException;
import io.arbiter.offline.OfflineProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code arbiter run}: both stages over a dataset, headless, with the same engine the workbench uses. (Past 300
 * lines: the options, the run, and every way it can end with its exit status stay together, so a reader sees each
 * status once.)
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Run the base model and the judge over every row and report the three accuracies.")
final class RunCommand extends RunInputsCommand implements Callable<Integer> {

    @Option(
            names = "--mode",
            description =
                    "realtime (requests as fast as --concurrency allows) or batch (the Batch API: half the price, up to 24 h) (default: the project's stored run options when re-running them, else realtime).")
    String givenMode;

    /** The mode in force: --mode, else the stored one when re-running a project, else realtime. */
    RunMode mode = RunMode.REALTIME;

    @Option(
            names = "--poll-seconds",
            description = "Seconds between batch status polls (default: 10, or 0.25 for a provider on this machine).")
    Double pollSeconds;

    @Option(
            names = "--out",
            description = "Write every row's results to this CSV file, or to an Excel workbook when it ends in .xlsx;"
                    + " beside it, <name>.json names the run, dataset, models, prompt hashes and Arbiter version.")
    Path out;

    @Option(
            names = "--bom",
            description = "Start the --out CSV file with a UTF-8 byte order mark, so Excel reads its accents.")
    boolean bom;

    @Option(
            names = "--request-timeout",
            paramLabel = "TIME",
            converter = Seconds.class,
            description =
                    "Longest one request may take before it counts as failed: seconds, or 90s, 5m (default: the project's stored provider, else 120 s).")
    Duration requestTimeout;

    @Option(
            names = "--row-timeout",
            paramLabel = "TIME",
            converter = Seconds.class,
            description =
                    "Longest one row's request may take across its retries; no retry is started that cannot finish within it (default: the project's stored provider, else 180 s).")
    Duration rowTimeout;

    @Option(
            names = "--batch-timeout",
            paramLabel = "TIME",
            converter = Seconds.class,
            description =
                    "In batch mode, cancel a batch still running this long after it was created (e.g. 2h); its unanswered rows end with an error. Default: wait as long as the provider keeps it.")
    Duration batchTimeout;

    @Option(
            names = "--allow-errors",
            description =
                    "Exit 0 even when rows are left without an answer (they are still counted on stderr and in the results). Without it such a run exits with status 5.")
    boolean allowErrors;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

    @Option(
            names = "--fail-below",
            paramLabel = "METRIC=VALUE[,METRIC=VALUE]",
            converter = Thresholds.Converter.class,
            description =
                    "Exit with status 3 when the run ends below any of these (base_vs_truth, judge_vs_truth, base_vs_judge, kappa, ac1, agreement; a scoring run's weighted_kappa_quadratic and the like; a pairwise run's win_rate_a, position_consistency, human_agreement, human_kappa), e.g. kappa=0.6.")
    Thresholds failBelow;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter stderr = command.commandLine().getErr();
        checkSettings();
        if (givenMode != null) {
            mode = RunMode.named(givenMode)
                    .orElseThrow(() -> new CliFailure(
                            "--mode must be realtime or batch, not '" + givenMode + "'", ArbiterCli.BAD_INPUT));
        }
        Inputs given = readGivenInputs(stderr);
        try (Project opened = openProject()) {
            return run(opened, given != null ? given : readInputs(opened, stderr), stdout, stderr);
        }
    }

    @Override
    void useStoredRunOptions(Project opened, JsonNode options) {
        super.useStoredRunOptions(opened, options);
        String stored = options.path("mode").asText(null);
        if (givenMode == null && stored != null) {
            mode = RunMode.named(stored)
                    .orElseThrow(() -> new CliFailure(
                            opened.file() + " stores the mode '" + stored + "', not realtime or batch; give --mode",
                            ArbiterCli.BAD_INPUT));
        }
    }

    private Integer run(Project opened, Inputs inputs, PrintWriter stdout, PrintWriter stderr) throws IOException {
        Dataset rows = inputs.dataset();

        RunOutcome outcome;
        RunAccounting accounting;
        JudgeReport report;
        JudgeScheme scheme;
        RowRatings ratings;
        JudgeReliability reliability;
        ReviewLog review = new ReviewLog(); // the project's reviews, for the export's human columns
        boolean unwritable; // the project could not keep the answers: a full disk, an I/O error
        String endNotRecorded = null;
        ExportSidecar sidecar; // what made the --out file, written beside it
        try (OfflineProvider offline = isOffline() ? OfflineProvider.start(providerOptions.concurrency) : null) {
            ProviderProfile chosen = offline != null ? offlineProfile(offline) : remoteProfile();
            ProviderProfile profile =
                    chosen.withTimeouts(timeouts(offline != null ? providerOptions.storedTimeouts : chosen.timeouts()));
            // Before anything is recorded: a missing key must not leave a run in the project that never started.
            io.arbiter.core.llm.ApiKeys.system().keyFor(profile);
            RunSpec spec = runSpec(opened, inputs, profile);
            if (mode == RunMode.BATCH) {
                JurorProfiles.refuseWithoutBatchApi(spec.panel());
            }
            scheme = spec.scheme();
            ratings = RowRatings.of(spec);
            Recording recording = opened == null ? null : recorder.begin(opened, start(inputs, spec, mode));
            if (recording != null) {
                sayWhenResumed(recording, stderr);
                if (recording.batch() && mode != RunMode.BATCH) {
                    stderr.println("arbiter: run " + recording.runId() + " has " + recording.liveBatches()
                            + " batch(es) still at the provider: continuing it through the Batch API");
                    stderr.flush();
                }
            }
            RunLedger stored = recording == null ? RunLedger.NONE : recording.ledger();
            accounting = new RunAccounting(stored);
            ProgressPrinter progress = new ProgressPrinter(stderr);
            boolean batched;
            try (RunClients clients = clients(spec, recording, accounting)) {
                batched = clients.batch();
                accounting.use(clients);
                outcome = clients.engine().runToEnd(spec, progress);
            }
            unwritable = recording != null && recording.ledger().failure().isPresent();
            report = null;
            if (recording != null && !unwritable) {
                try {
                    report = recorder.finish(recording, outcome);
                } catch (StoreException e) {
                    if (e.kind() == StoreException.Kind.OTHER) {
                        throw e;
                    }
                    // Every answer is in the file; only the run's end is not. A run again finishes it.
                    endNotRecorded = e.getMessage();
                }
            }
            if (recording != null) { // what people said as the project keeps it: reviews before the dataset's
                ratings = opened.ratings(recording.runId());
                review.restore(ratings.reviewed(), java.util.List.of());
            }
            List<RowResult> measured = spec.scope().measured(outcome.rows());
            List<RatedRow> rated = ratings.rateAll(measured);
            if (report == null) { // the same figures the project would have kept, over the same rows
                report = scheme.figures(rated);
            }
            // A batch run's jurors are priced at the Batch API's share of their own providers' prices.
            JudgeSetup judges = JudgeSetup.of(spec);
            reliability = JudgeReliability.of(batched ? judges.inBatch() : judges, measured, rated);
            sidecar = ExportSidecar.of(
                    spec,
                    recording == null ? null : recording.runId(),
                    inputs.config().datasetSha256(),
                    ArbiterBuild.current().recorded(),
                    java.time.Instant.now());
        } catch (ChatFailure e) {
            throw new CliFailure(e.getMessage(), ArbiterCli.PROVIDER_FAILED);
        }
        if (out != null) {
            ResultsWriter.forFile(out, scheme, ratings, bom).write(out, rows, rows.columns(), outcome.rows(), review);
            sidecar.writeBeside(out);
        }
        // Over every row, the worked examples too: they are what the example side of the project's split is about.
        var heldOut = opened == null
                ? java.util.Optional.<io.arbiter.core.metrics.HeldOutAgreement>empty()
                : ratings.heldOut(outcome.rows(), opened.heldOutSplit());
        RunSummaryPrinter.print(outcome, report, reliability, heldOut, accounting, json, out, stdout);
        if (!outcome.batchProblems().isEmpty()) {
            stderr.println("arbiter: " + outcome.batchProblems());
        }
        Unanswered unanswered = outcome.unanswered();
        // A stopped run says why it stopped, once; the rows it did not reach are the next run's.
        if (!unanswered.none() && outcome.status() != RunOutcome.Status.STOPPED) {
            stderr.println(
                    "arbiter: " + unanswered.describe(3)
                            + (out != null ? " (each row's error is in " + out + ")" : "")
                            + (opened != null
                                    ? "; run again to send only those rows"
                                    : "; with --project the next run sends only those rows (without it every row is sent again)"));
        }
        if (outcome.status() == RunOutcome.Status.STOPPED) {
            stderr.println("arbiter: run stopped: " + outcome.stopReason());
            stderr.flush();
            return unwritable ? ArbiterCli.PROJECT_NOT_WRITABLE : ArbiterCli.PROVIDER_FAILED;
        }
        if (endNotRecorded != null) {
            stderr.println("arbiter: every answer is kept, but the end of the run could not be recorded ("
                    + endNotRecorded + "); free space and run again to finish it");
            stderr.flush();
            return ArbiterCli.PROJECT_NOT_WRITABLE;
        }
        if (!unanswered.none() && !allowErrors) {
            stderr.println("arbiter: exit status " + ArbiterCli.ROWS_UNANSWERED
                    + " because rows are unanswered; --allow-errors makes such a run exit 0");
            stderr.flush();
            return ArbiterCli.ROWS_UNANSWERED;
        }
        if (failBelow != null) {
            ObjectNode figures = MetricsJson.tree(report);
            ReliabilityJson.put(figures, reliability);
            java.util.Optional<String> shortfall = failBelow.shortfall(figures);
            if (shortfall.isPresent()) {
                stderr.println("arbiter: below threshold: " + shortfall.get());
                stderr.flush();
                return ArbiterCli.BELOW_THRESHOLD;
            }
        }
        return 0;
    }

    /**
     * The client stack, built as the workbench builds it: the project's run (in batch mode when the recording says
     * so) or, without a project, a realtime run with no cache or a batch run whose jobs are kept in memory.
     */
    private RunClients clients(RunSpec spec, Recording recording, RunAccounting accounting) throws ChatFailure {
        ProviderProfile profile = spec.provider();
        String identity = providerIdentity(profile);
        boolean batch = recording != null ? recording.batch() : mode == RunMode.BATCH;
        if (!batch) {
            return RunClients.realtime(
                    profile,
                    identity,
                    recording == null ? null : recording.project().store(),
                    null,
                    accounting,
                    spec.panel());
        }
        BatchLedger jobs = recording != null ? recording.ledger() : new InMemoryRunLedger();
        return RunClients.batch(
                profile,
                identity,
                recording == null ? null : recording.project().store(),
                new RunClients.Batches(
                        jobs,
                        recording == null ? 0 : recording.runId(),
                        recording == null ? null : recording.project().file(),
                        pollInterval(profile),
                        batchTimeout),
                accounting,
                spec.panel());
    }

    /** The flags' timeouts over the profile's (a project's stored ones, or the defaults). */
    private Timeouts timeouts(Timeouts base) {
        try {
            return new Timeouts(
                    requestTimeout != null ? requestTimeout : base.request(),
                    rowTimeout != null ? rowTimeout : base.row());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), ArbiterCli.BAD_INPUT);
        }
    }

    private Duration pollInterval(ProviderProfile profile) {
        if (pollSeconds != null) {
            if (!(pollSeconds > 0)) {
                throw new CliFailure("--poll-seconds must be positive, not " + pollSeconds, ArbiterCli.BAD_INPUT);
            }
            return Duration.ofMillis(Math.round(pollSeconds * 1000));
        }
        return RunClients.pollInterval(profile.baseUrl());
    }
}
