package io.arbiter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.DatasetException;
import io.arbiter.core.dataset.DatasetImporter;
import io.arbiter.core.dataset.ImportProblem;
import io.arbiter.core.dataset.ImportProgress;
import io.arbiter.core.dataset.ImportResult;
import io.arbiter.core.export.ResultsCsvWriter;
import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.OpenAiChatClient;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.metrics.JudgeLoopMetrics;
import io.arbiter.core.metrics.Proportion;
import io.arbiter.core.prompt.PromptCheck;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.run.RunEngine;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.offline.OfflineProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arbiter run}: both stages over a dataset, headless, with the same engine the workbench uses. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the base model and the judge over every row and report the three accuracies.")
final class RunCommand implements Callable<Integer> {

    static final String OFFLINE = "offline";

    @Spec
    CommandSpec command;

    @Option(names = "--dataset", required = true, description = "CSV, TSV or JSON Lines file; see 'arbiter inspect'.")
    Path dataset;

    @Mixin
    DatasetOptions datasetOptions;

    @Option(names = "--skip-ragged", description = "Leave out rows whose cell count differs from the header's instead of stopping.")
    boolean skipRagged;

    @Option(names = "--input-column", required = true, split = ",",
            description = "Column(s) the base model reads; sent as the user message when a prompt has no [user] part.")
    List<String> inputColumns;

    @Option(names = "--truth-column", description = "Ground-truth column; without it only the judge's figures are computed.")
    String truthColumn;

    @Option(names = "--truth-separator", defaultValue = ",", description = "Separates labels in a multi-label truth cell (default: ${DEFAULT-VALUE}).")
    String truthSeparator;

    @Option(names = "--base-prompt", required = true, description = "File with the base prompt.")
    Path basePrompt;

    @Option(names = "--judge-prompt", required = true, description = "File with the judge prompt.")
    Path judgePrompt;

    @Option(names = "--provider", defaultValue = OFFLINE,
            description = "'offline' for the embedded demo model, or an OpenAI-compatible base URL such as https://api.openai.com/v1.")
    String provider;

    @Option(names = "--api-key-env", description = "Environment variable that holds the API key (the key itself is never passed on the command line).")
    String apiKeyEnv;

    @Option(names = "--base-model", description = "Model under test (required with a base URL).")
    String baseModel;

    @Option(names = "--judge-model", description = "Judge model (required with a base URL).")
    String judgeModel;

    @Option(names = "--concurrency", defaultValue = "16", description = "Requests in flight at once, 1 to 512 (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--temperature", defaultValue = "0", description = "Sampling temperature (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--max-tokens", defaultValue = "256", description = "Reply length limit (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--out", description = "Write every row's results to this CSV file.")
    Path out;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter stderr = command.commandLine().getErr();
        if (concurrency < 1 || concurrency > ProviderProfile.MAX_CONCURRENCY) {
            throw new CliFailure("--concurrency must be 1 to 512, not " + concurrency, ArbiterCli.BAD_INPUT);
        }
        Dataset rows = readDataset(stderr);
        ColumnMapping mapping = new ColumnMapping(inputColumns, truthColumn, truthSeparator);
        List<String> mappingProblems = mapping.problemsWith(rows);
        if (!mappingProblems.isEmpty()) {
            throw new CliFailure(mappingProblems.get(0), ArbiterCli.BAD_INPUT);
        }
        PromptPair prompts = PromptPair.of(readText(basePrompt, "--base-prompt"), readText(judgePrompt, "--judge-prompt"));
        List<String> promptProblems = PromptCheck.problems(prompts, rows.columns());
        if (!promptProblems.isEmpty()) {
            throw new CliFailure(promptProblems.get(0), ArbiterCli.BAD_INPUT);
        }

        RunOutcome outcome;
        try (OfflineProvider offline = isOffline() ? OfflineProvider.start(concurrency) : null) {
            ProviderProfile profile = offline != null ? offline.profile() : remoteProfile();
            try (OpenAiChatClient client = new OpenAiChatClient(profile)) {
                RunSpec spec = RunSpec.of(rows, mapping, prompts, profile);
                outcome = new RunEngine(client).runToEnd(spec, new ProgressPrinter(stderr));
            } catch (ChatFailure e) {
                throw new CliFailure(e.getMessage(), ArbiterCli.PROVIDER_FAILED);
            }
        }
        if (out != null) {
            new ResultsCsvWriter().write(out, rows, rows.columns(), outcome.rows());
        }
        print(outcome, stdout);
        if (outcome.status() == RunOutcome.Status.STOPPED) {
            stderr.println("arbiter: run stopped: " + outcome.stopReason());
            return ArbiterCli.PROVIDER_FAILED;
        }
        return 0;
    }

    private boolean isOffline() {
        return provider.equalsIgnoreCase(OFFLINE);
    }

    private ProviderProfile remoteProfile() {
        if (!provider.startsWith("http://") && !provider.startsWith("https://")) {
            throw new CliFailure("--provider must be 'offline' or a base URL starting with http:// or https://, not '"
                    + provider + "'", ArbiterCli.BAD_INPUT);
        }
        if (baseModel == null || judgeModel == null) {
            throw new CliFailure("--base-model and --judge-model are required with --provider " + provider, ArbiterCli.BAD_INPUT);
        }
        return new ProviderProfile(provider, provider, apiKeyEnv, baseModel, judgeModel, temperature, maxTokens, concurrency);
    }

    private Dataset readDataset(PrintWriter stderr) {
        ImportResult result;
        try {
            result = DatasetImporter.read(dataset, datasetOptions.settings(), ImportProgress.NONE, () -> false);
        } catch (DatasetException e) {
            throw new CliFailure(e.getMessage(), ArbiterCli.BAD_INPUT);
        }
        if (result.totalRaggedRows() > 0) {
            ImportProblem first = result.problems().stream()
                    .filter(p -> p.kind() == ImportProblem.Kind.RAGGED_ROW || p.kind() == ImportProblem.Kind.NOT_AN_OBJECT)
                    .findFirst().orElseThrow();
            String summary = result.totalRaggedRows() + " ragged row(s), the first at line " + first.line() + " (" + first.message() + ")";
            if (!skipRagged) {
                throw new CliFailure(dataset + ": " + summary + "; --skip-ragged leaves them out", ArbiterCli.BAD_INPUT);
            }
            stderr.println("arbiter: " + dataset + ": left out " + summary);
        }
        return result.dataset();
    }

    private static String readText(Path file, String option) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliFailure(option + ": no such file " + file, ArbiterCli.BAD_INPUT);
        } catch (IOException e) {
            throw new CliFailure(option + ": cannot read " + file + " (" + e.getMessage() + ")", ArbiterCli.BAD_INPUT);
        }
    }

    private void print(RunOutcome outcome, PrintWriter stdout) throws IOException {
        JudgeLoopMetrics m = outcome.metrics();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode summary = mapper.createObjectNode();
            summary.put("rows", m.rows());
            put(summary, "base_vs_judge", m.baseVsJudge());
            put(summary, "base_vs_truth", m.baseVsTruth());
            put(summary, "judge_vs_truth", m.judgeVsTruth());
            summary.put("unparsed_base", m.unparsedBase());
            summary.put("unparsed_judge", m.unparsedJudge());
            summary.put("errors", m.errors());
            summary.put("status", outcome.status().name().toLowerCase());
            summary.put("prompt_tokens", outcome.baseUsage().promptTokens() + outcome.judgeUsage().promptTokens());
            summary.put("completion_tokens", outcome.baseUsage().completionTokens() + outcome.judgeUsage().completionTokens());
            stdout.println(mapper.writeValueAsString(summary));
        } else {
            stdout.printf("rows            %d%n", m.rows());
            stdout.printf("base vs judge   %s%n", m.baseVsJudge().describe());
            stdout.printf("base vs truth   %s%n", m.baseVsTruth().describe());
            stdout.printf("judge vs truth  %s%n", m.judgeVsTruth().describe());
            stdout.printf("unparsed        base %d, judge %d%n", m.unparsedBase(), m.unparsedJudge());
            stdout.printf("errors          %d%n", m.errors());
            if (out != null) {
                stdout.printf("results         %s%n", out);
            }
        }
        stdout.flush();
    }

    /** A proportion as its rate (null when nothing was counted) with the counts beside it. */
    private static void put(ObjectNode summary, String key, Proportion p) {
        if (p.rate().isPresent()) {
            summary.put(key, p.rate().getAsDouble());
        } else {
            summary.putNull(key);
        }
        summary.put(key + "_hits", p.hits());
        summary.put(key + "_n", p.n());
    }
}
