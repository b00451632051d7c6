package io.arbiter.cli;

import io.arbiter.core.llm.BatchCustomId;
import io.arbiter.core.llm.BatchJsonl;
import io.arbiter.core.llm.BatchRequestLine;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.project.Project;
import io.arbiter.core.project.Recording;
import io.arbiter.core.run.RunMode;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.Stage;
import io.arbiter.core.run.StageOutcome;
import io.arbiter.core.run.StageRequests;
import io.arbiter.core.store.ProjectRunLedger;
import io.arbiter.offline.OfflineProvider;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code arbiter batch-export}: one stage's requests as OpenAI-format batch JSONL, for an engine Arbiter does not
 * drive itself (vLLM's {@code run-batch}, a provider's console). With {@code --project} only the rows the project's
 * run of this spec has not answered are written, under that run's custom ids. Without {@code --dataset} the
 * configuration stored in {@code --project} (by an earlier {@code run}) is exported.
 */
@Command(
        name = "batch-export",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Write one stage's requests as OpenAI-format batch JSONL (what vLLM's run-batch consumes).")
final class BatchExportCommand extends RunInputsCommand implements Callable<Integer> {

    @Option(
            names = "--stage",
            required = true,
            description = "base or judge; the judge stage needs the base answers in --project.")
    String stage;

    @Option(names = "--out", required = true, description = "The JSONL file to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter stderr = command.commandLine().getErr();
        Stage which = parseStage(stage);
        checkSettings();
        int written;
        Inputs given = readGivenInputs(stderr);
        try (Project opened = openProject()) {
            Inputs inputs = given != null ? given : readInputs(opened, stderr);
            try (OfflineProvider offline = isOffline() ? OfflineProvider.start(providerOptions.concurrency) : null) {
                ProviderProfile profile = offline != null ? offlineProfile(offline) : remoteProfile();
                RunSpec spec = runSpec(opened, inputs, profile);
                refusePairs(spec, "batch-export");
                Recording recording =
                        opened == null ? null : recorder.runFor(opened, start(inputs, spec, RunMode.REALTIME));
                if (recording != null) {
                    sayWhenResumed(recording, stderr);
                }
                long runId = recording == null ? 0 : recording.runId();
                ProjectRunLedger ledger = recording == null ? null : recording.ledger();
                Map<Integer, StageOutcome> done = ledger == null ? Map.of() : ledger.stored(which);
                Map<Integer, StageOutcome> bases = ledger == null ? Map.of() : ledger.stored(Stage.BASE);
                if (which == Stage.JUDGE && bases.values().stream().noneMatch(StageRequests::judgeable)) {
                    throw new CliFailure(
                            "The judge stage needs base answers: import them first (batch-import --stage base"
                                    + " --project P) and pass the same --project here",
                            ArbiterCli.BAD_INPUT);
                }
                StageRequests requests = new StageRequests(spec);
                written = 0;
                try (BatchJsonl.RequestWriter writer =
                        new BatchJsonl.RequestWriter(new BufferedOutputStream(Files.newOutputStream(out)))) {
                    for (int row = 0; row < spec.dataset().size(); row++) {
                        StageOutcome already = done.get(row);
                        if (already != null && already.answered()) {
                            continue;
                        }
                        if (which == Stage.JUDGE && !StageRequests.judgeable(bases.get(row))) {
                            continue;
                        }
                        String id = new BatchCustomId(runId, which.name(), row).toString();
                        writer.write(new BatchRequestLine(
                                id,
                                which == Stage.BASE
                                        ? requests.base(row)
                                        : requests.judge(row, bases.get(row).text())));
                        written++;
                    }
                }
            }
        }
        stdout.printf("wrote %d %s request(s) to %s%n", written, which.name().toLowerCase(), out);
        stdout.flush();
        return 0;
    }

    /**
     * A pairwise run has four stages (base, base-b, judge, judge-ba) whose judge requests need both answers; the
     * files of one stage at a time are not written for it yet: {@code run --mode batch} sends each stage through the
     * Batch API instead. The same for a jury or repeats, whose every vote is a judge stage of its own.
     */
    static void refusePairs(RunSpec spec, String command) {
        if (!spec.panel().single()) {
            throw new CliFailure(
                    command + " does not handle a jury or repeats (a judge stage per juror and repeat) yet; run it"
                            + " with 'arbiter run --mode batch', which sends each vote through the Batch API",
                    ArbiterCli.BAD_INPUT);
        }
        if (spec.pairwise()) {
            throw new CliFailure(
                    command + " does not handle a pairwise run (its stages base, base-b, judge and judge-ba) yet;"
                            + " run it with 'arbiter run --mode batch', which sends each stage through the Batch API",
                    ArbiterCli.BAD_INPUT);
        }
    }

    static Stage parseStage(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "base" -> Stage.BASE;
            case "judge" -> Stage.JUDGE;
            default -> throw new CliFailure("--stage must be base or judge, not '" + text + "'", ArbiterCli.BAD_INPUT);
        };
    }
}
