package io.arbiter.cli;

import io.arbiter.core.llm.BatchCustomId;
import io.arbiter.core.llm.BatchJsonl;
import io.arbiter.core.llm.BatchResultLine;
import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.RequestKey;
import io.arbiter.core.project.Project;
import io.arbiter.core.project.Recording;
import io.arbiter.core.run.RunMode;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.Stage;
import io.arbiter.core.run.StageOutcome;
import io.arbiter.core.run.StageRequests;
import io.arbiter.core.store.ProjectRunLedger;
import io.arbiter.core.store.ProjectStore;
import io.arbiter.offline.OfflineProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code arbiter batch-import}: a batch output file from another engine (OpenAI's output or error file, or vLLM's
 * single file with errors inline) recorded in the project's run of this spec, so that {@code run --project} goes on
 * from there and sends only what is still missing. Without {@code --dataset} the run is the one of the configuration
 * stored in the project (by an earlier {@code run}).
 */
@Command(
        name = "batch-import",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Record a batch output JSONL (OpenAI's or vLLM's) in the project's run of this spec.")
final class BatchImportCommand extends RunInputsCommand implements Callable<Integer> {

    @Option(names = "--stage", required = true, description = "base or judge: the stage the file answers.")
    String stage;

    @Option(names = "--file", required = true, description = "The output JSONL to read.")
    Path file;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter stderr = command.commandLine().getErr();
        if (project == null) {
            throw new CliFailure(
                    "batch-import needs --project: the answers are recorded in its run of this spec",
                    ArbiterCli.BAD_INPUT);
        }
        Stage which = BatchExportCommand.parseStage(stage);
        checkSettings();
        int answered = 0;
        int failed = 0;
        int skipped = 0;
        Inputs given = readGivenInputs(stderr);
        try (Project opened = openProject()) {
            Inputs inputs = given != null ? given : readInputs(opened, stderr);
            ProjectStore store = opened.store();
            try (OfflineProvider offline = isOffline() ? OfflineProvider.start(providerOptions.concurrency) : null) {
                ProviderProfile profile = offline != null ? offlineProfile(offline) : remoteProfile();
                RunSpec spec = runSpec(opened, inputs, profile);
                BatchExportCommand.refusePairs(spec, "batch-import");
                Recording recording = recorder.runFor(opened, start(inputs, spec, RunMode.REALTIME));
                sayWhenResumed(recording, stderr);
                long runId = recording.runId();
                ProjectRunLedger ledger = recording.ledger();
                Map<Integer, StageOutcome> bases = which == Stage.JUDGE ? ledger.stored(Stage.BASE) : Map.of();
                Map<Integer, StageOutcome> earlier = ledger.stored(which);
                Map<Integer, StageOutcome> outcomes = new HashMap<>();
                int[] foreign = {0};
                try (InputStream in = Files.newInputStream(file)) {
                    BatchJsonl.read(in, line -> {
                        BatchCustomId id = BatchCustomId.parse(line.customId()).orElse(null);
                        if (id == null
                                || !id.stage().equals(which.name())
                                || id.row() >= spec.dataset().size()
                                || (id.runId() != runId && id.runId() != 0)
                                || neverAttempted(line)) {
                            foreign[0]++;
                            return;
                        }
                        StageOutcome before = outcomes.getOrDefault(id.row(), earlier.get(id.row()));
                        if (before != null && before.answered()) {
                            return; // never overwrite an answer
                        }
                        outcomes.put(id.row(), StageOutcome.of(line, "Batch line " + line.lineNumber() + ": "));
                    });
                } catch (NoSuchFileException e) {
                    throw new CliFailure("--file: no such file " + file, ArbiterCli.BAD_INPUT);
                }
                skipped = foreign[0];
                StageRequests requests = new StageRequests(spec);
                String identity = providerIdentity(profile);
                Map<Integer, String> keys = new HashMap<>();
                for (var entry : outcomes.entrySet()) {
                    int row = entry.getKey();
                    ChatRequest request = which == Stage.BASE
                            ? requests.base(row)
                            : StageRequests.judgeable(bases.get(row))
                                    ? requests.judge(row, bases.get(row).text())
                                    : null;
                    if (request == null) {
                        continue;
                    }
                    String key = RequestKey.of(identity, request);
                    keys.put(row, key);
                    StageOutcome outcome = entry.getValue();
                    if (outcome.answered()) {
                        store.cache(key, new ChatReply(outcome.text(), outcome.usage(), false, outcome.reasoning()));
                    }
                }
                ledger.recordAll(which, outcomes, keys);
                for (StageOutcome outcome : outcomes.values()) {
                    if (outcome.answered()) {
                        answered++;
                    } else {
                        failed++;
                    }
                }
                stdout.printf(
                        "imported %d %s answer(s) into run %d of %s; %d failed line(s) will be sent again by run"
                                + " --project; %d line(s) of another run or stage skipped%n",
                        answered, which.name().toLowerCase(), runId, project, failed, skipped);
            }
        }
        stdout.flush();
        return 0;
    }

    /** An expired or cancelled line was never attempted: the row stays pending, as in a batch run. */
    private static boolean neverAttempted(BatchResultLine line) {
        return !line.answered()
                && line.error() != null
                && (line.error().startsWith("batch_expired") || line.error().startsWith("batch_cancelled"));
    }
}
