package io.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.DatasetException;
import io.arbiter.core.dataset.DatasetImporter;
import io.arbiter.core.dataset.ImportProblem;
import io.arbiter.core.dataset.ImportProgress;
import io.arbiter.core.dataset.ImportResult;
import io.arbiter.core.llm.ProviderInput;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.Timeouts;
import io.arbiter.core.llm.TokenPrices;
import io.arbiter.core.project.Project;
import io.arbiter.core.project.Recording;
import io.arbiter.core.project.RunRecorder;
import io.arbiter.core.project.RunStart;
import io.arbiter.core.project.WorkedExamples;
import io.arbiter.core.prompt.PromptCheck;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.store.PromptVersion;
import io.arbiter.core.store.StoredDataset;
import io.arbiter.offline.OfflineProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that define a run's spec (dataset, columns, prompts, provider) and the project run they map to,
 * shared by {@code run}, {@code batch-export} and {@code batch-import} so all three agree on which run is meant.
 * Without {@code --dataset}, {@code --project} supplies the configuration stored by an earlier run (dataset copy,
 * mapping, prompts and provider with only the key's variable name).
 */
abstract class SpecCommand {

    static final String OFFLINE = RunRecorder.OFFLINE;

    /** Records this invocation's run in the project, as the workbench records its runs. */
    final RunRecorder recorder = new RunRecorder();

    /** The provider stored in the project when its configuration is re-run; null otherwise. */
    private ProviderProfile storedProvider;

    /** The prices a re-run of a project's stored provider keeps; the command line gives none. */
    TokenPrices prices = TokenPrices.UNKNOWN;

    /** The timeouts a re-run of a project's stored provider keeps, unless flags say otherwise. */
    Timeouts storedTimeouts = Timeouts.DEFAULT;

    @Spec
    CommandSpec command;

    @Option(
            names = "--dataset",
            description =
                    "CSV, TSV or JSON Lines file; see 'arbiter inspect'. Without it, --project re-runs the configuration stored in the project.")
    Path dataset;

    @Mixin
    DatasetOptions datasetOptions;

    @Option(
            names = "--skip-ragged",
            description = "Leave out rows whose cell count differs from the header's instead of stopping.")
    boolean skipRagged;

    @Option(
            names = "--input-column",
            paramLabel = "COLUMN[,COLUMN]",
            description =
                    "Column(s) the base model reads; sent as the user message when a prompt has no [user] part. "
                            + "Repeat the flag or separate names with commas; a name that holds a comma goes in double quotes: '\"Title, original\"'.")
    List<String> inputColumns;

    @Option(
            names = "--truth-column",
            description = "Ground-truth column; without it only the judge's figures are computed.")
    String truthColumn;

    @Option(
            names = "--truth-separator",
            defaultValue = ",",
            description = "Separates labels in a multi-label truth cell (default: ${DEFAULT-VALUE}).")
    String truthSeparator;

    @Option(names = "--base-prompt", description = "File with the base prompt.")
    Path basePrompt;

    @Option(names = "--judge-prompt", description = "File with the judge prompt.")
    Path judgePrompt;

    @Option(
            names = "--provider",
            defaultValue = OFFLINE,
            description =
                    "'offline' for the embedded demo model, or an OpenAI-compatible base URL such as https://api.openai.com/v1.")
    String provider;

    @Option(
            names = "--api-key-env",
            description =
                    "Environment variable that holds the API key (the key itself is never passed on the command line).")
    String apiKeyEnv;

    @Option(
            names = "--api-key-keychain",
            paramLabel = "ENTRY",
            description =
                    "OS keychain entry (service Arbiter) that holds the API key, as stored under Providers…; instead of --api-key-env.")
    String keychainEntry;

    @Option(names = "--base-model", description = "Model under test (required with a base URL).")
    String baseModel;

    @Option(names = "--judge-model", description = "Judge model (required with a base URL).")
    String judgeModel;

    @Option(
            names = "--concurrency",
            description =
                    "Requests in flight at once, 1 to 512 (default: the project's stored run options when re-running them, else 16).")
    Integer givenConcurrency;

    /** The concurrency in force: --concurrency, else the stored one when re-running a project, else 16. */
    int concurrency = ProviderProfile.DEFAULT_CONCURRENCY;

    @Option(
            names = "--temperature",
            defaultValue = "0",
            description = "Sampling temperature (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(
            names = "--max-tokens",
            defaultValue = "256",
            description = "Reply length limit (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(
            names = "--project",
            description =
                    "Project file (SQLite) that keeps every response as it arrives; a second run on it resumes the unfinished run of the same spec and answers unchanged requests from its cache.")
    Path project;

    @Option(
            names = "--wait",
            description =
                    "When another process has the project open, wait until it is free instead of stopping with status 6.")
    boolean waitForProject;

    /** Where the rows, mapping and prompts of a run come from: the options, or the project's stored configuration. */
    record Configuration(
            Dataset rows,
            String datasetPath,
            String datasetSha256,
            ColumnMapping mapping,
            String baseText,
            String judgeText) {}

    /** The dataset, mapping and prompts, checked against each other, with the configuration they came from. */
    record Inputs(Configuration config, PromptPair prompts) {
        Dataset dataset() {
            return config.rows();
        }

        ColumnMapping mapping() {
            return config.mapping();
        }
    }

    /** The checks that need no file: made before the project is opened, so a bad flag creates nothing. */
    void checkSettings() {
        // A password in the URL must not reach a file or a message: refused before anything echoes --provider.
        if (provider != null && ProviderInput.hasUserInfo(provider)) {
            throw new CliFailure("--provider: " + ProviderInput.USER_INFO_REFUSED, ArbiterCli.BAD_INPUT);
        }
        // A key pasted where its variable's or keychain entry's name belongs must not reach a file or a message.
        if (apiKeyEnv != null
                && (!ProviderInput.isEnvironmentName(apiKeyEnv.strip())
                        || ProviderInput.looksLikeAKey(apiKeyEnv.strip()))) {
            throw new CliFailure(
                    "--api-key-env takes the name of the environment variable that holds the key "
                            + "(e.g. OPENAI_API_KEY), not the key itself",
                    ArbiterCli.BAD_INPUT);
        }
        if (keychainEntry != null && ProviderInput.looksLikeAKey(keychainEntry.strip())) {
            throw new CliFailure(
                    "--api-key-keychain takes the name of the keychain entry (the provider profile's "
                            + "name), not the key itself",
                    ArbiterCli.BAD_INPUT);
        }
        if (apiKeyEnv != null && keychainEntry != null) {
            throw new CliFailure("Give --api-key-env or --api-key-keychain, not both", ArbiterCli.BAD_INPUT);
        }
        if (givenConcurrency != null) {
            if (givenConcurrency < 1 || givenConcurrency > ProviderProfile.MAX_CONCURRENCY) {
                throw new CliFailure("--concurrency must be 1 to 512, not " + givenConcurrency, ArbiterCli.BAD_INPUT);
            }
            concurrency = givenConcurrency;
        }
    }

    /**
     * Takes what the options leave open from the run options stored in the project being re-run (the workbench
     * keeps its mode and concurrency there); options given on the command line win.
     */
    void useStoredRunOptions(Project opened, JsonNode options) {
        JsonNode stored = options.get("concurrency");
        if (givenConcurrency == null && stored != null && stored.canConvertToInt()) {
            if (stored.asInt() < 1 || stored.asInt() > ProviderProfile.MAX_CONCURRENCY) {
                throw new CliFailure(
                        opened.file() + " stores a concurrency of " + stored.asInt()
                                + ", not 1 to 512; give --concurrency",
                        ArbiterCli.BAD_INPUT);
            }
            concurrency = stored.asInt();
        }
    }

    /**
     * Reads and checks the inputs given as options before any project file is opened, so that a bad dataset, column
     * or prompt leaves no new, empty project behind; null when they are to come from the project.
     */
    Inputs readGivenInputs(PrintWriter stderr) throws IOException {
        return dataset == null ? null : readInputs(null, stderr);
    }

    /** The options' configuration with --dataset, else the one stored in {@code opened} (null without --project). */
    Inputs readInputs(Project opened, PrintWriter stderr) throws IOException {
        Configuration config = dataset == null ? storedConfiguration(opened) : givenConfiguration(stderr);
        Dataset rows = config.rows();
        List<String> mappingProblems = config.mapping().problemsWith(rows);
        if (!mappingProblems.isEmpty()) {
            throw new CliFailure(mappingProblems.get(0), ArbiterCli.BAD_INPUT);
        }
        PromptPair prompts = PromptPair.of(config.baseText(), config.judgeText());
        List<String> promptProblems = PromptCheck.problems(prompts, rows.columns());
        if (!promptProblems.isEmpty()) {
            throw new CliFailure(promptProblems.get(0), ArbiterCli.BAD_INPUT);
        }
        return new Inputs(config, prompts);
    }

    private Configuration givenConfiguration(PrintWriter stderr) throws IOException {
        for (var required : List.of(
                java.util.Map.entry("--input-column", inputColumns == null ? "" : "x"),
                java.util.Map.entry("--base-prompt", basePrompt == null ? "" : "x"),
                java.util.Map.entry("--judge-prompt", judgePrompt == null ? "" : "x"))) {
            if (required.getValue().isEmpty()) {
                throw new CliFailure(
                        "Missing required option: '" + required.getKey() + "' (with --dataset)", ArbiterCli.BAD_INPUT);
            }
        }
        Dataset rows = readDataset(stderr);
        // Read against the columns, not split blindly: a column's name may hold a comma.
        ColumnMapping mapping = new ColumnMapping(
                ColumnNames.list("Input column", "--input-column", inputColumns, rows),
                ColumnNames.one("Truth column", "--truth-column", truthColumn, rows),
                truthSeparator);
        return new Configuration(
                rows,
                dataset.toAbsolutePath().normalize().toString(),
                Project.sha256(dataset),
                mapping,
                readText(basePrompt, "--base-prompt"),
                readText(judgePrompt, "--judge-prompt"));
    }

    /** The project's stored dataset copy, mapping, prompts and provider: what {@code run --project P} re-runs. */
    private Configuration storedConfiguration(Project opened) {
        if (opened == null) {
            throw new CliFailure(
                    "Missing required option: '--dataset' (or --project with a stored configuration)",
                    ArbiterCli.BAD_INPUT);
        }
        if (inputColumns != null || basePrompt != null || judgePrompt != null) {
            throw new CliFailure(
                    "--input-column, --base-prompt and --judge-prompt go with --dataset", ArbiterCli.BAD_INPUT);
        }
        String missing = opened.file() + " has no stored configuration to re-run; run it once with --dataset, "
                + "--input-column, --base-prompt and --judge-prompt";
        StoredDataset info = opened.datasetInfo().orElseThrow(() -> new CliFailure(missing, ArbiterCli.BAD_INPUT));
        Dataset rows = opened.dataset().orElseThrow();
        ColumnMapping mapping = opened.mapping().orElseThrow(() -> new CliFailure(missing, ArbiterCli.BAD_INPUT));
        PromptVersion prompts = opened.prompts().orElseThrow(() -> new CliFailure(missing, ArbiterCli.BAD_INPUT));
        ProviderProfile stored;
        try {
            stored = opened.provider().orElseThrow(() -> new CliFailure(missing, ArbiterCli.BAD_INPUT));
        } catch (IllegalArgumentException e) { // e.g. a URL with a password, saved by an older Arbiter
            throw new CliFailure(
                    opened.file() + " stores a provider Arbiter will not use: " + e.getMessage(), ArbiterCli.BAD_INPUT);
        }
        useStoredRunOptions(opened, opened.runOptions());
        storedProvider = stored;
        provider = stored.baseUrl();
        if (apiKeyEnv == null && keychainEntry == null) { // a key source given here wins, e.g. a variable in CI
            apiKeyEnv = stored.apiKeyEnv();
            keychainEntry = stored.keychainEntry();
        }
        baseModel = stored.baseModel();
        judgeModel = stored.judgeModel();
        temperature = stored.temperature();
        maxTokens = stored.maxTokens();
        prices = stored.prices();
        storedTimeouts = stored.timeouts();
        return new Configuration(
                rows, info.sourcePath(), info.sha256(), mapping, prompts.baseText(), prompts.judgeText());
    }

    boolean isOffline() {
        return provider.equalsIgnoreCase(OFFLINE);
    }

    ProviderProfile remoteProfile() {
        if (ProviderInput.hasUserInfo(provider)) {
            throw new CliFailure("--provider: " + ProviderInput.USER_INFO_REFUSED, ArbiterCli.BAD_INPUT);
        }
        if (!provider.startsWith("http://") && !provider.startsWith("https://")) {
            throw new CliFailure(
                    "--provider must be 'offline' or a base URL starting with http:// or https://, not '" + provider
                            + "'",
                    ArbiterCli.BAD_INPUT);
        }
        if (baseModel == null || judgeModel == null) {
            throw new CliFailure(
                    "--base-model and --judge-model are required with --provider " + provider, ArbiterCli.BAD_INPUT);
        }
        return new ProviderProfile(
                provider,
                provider,
                apiKeyEnv,
                baseModel,
                judgeModel,
                temperature,
                maxTokens,
                concurrency,
                keychainEntry,
                prices,
                storedTimeouts);
    }

    Dataset readDataset(PrintWriter stderr) {
        ImportResult result;
        try {
            result = DatasetImporter.read(dataset, datasetOptions.settings(), ImportProgress.NONE, () -> false);
        } catch (DatasetException e) {
            throw new CliFailure(e.getMessage(), ArbiterCli.BAD_INPUT);
        }
        if (result.totalRaggedRows() > 0) {
            ImportProblem first = result.problems().stream()
                    .filter(p ->
                            p.kind() == ImportProblem.Kind.RAGGED_ROW || p.kind() == ImportProblem.Kind.NOT_AN_OBJECT)
                    .findFirst()
                    .orElseThrow();
            String summary = result.totalRaggedRows() + " ragged row(s), the first at line " + first.line() + " ("
                    + first.message() + ")";
            if (!skipRagged) {
                throw new CliFailure(
                        dataset + ": " + summary + "; --skip-ragged leaves them out", ArbiterCli.BAD_INPUT);
            }
            stderr.println("arbiter: " + dataset + ": left out " + summary);
        }
        return result.dataset();
    }

    static String readText(Path file, String option) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliFailure(option + ": no such file " + file, ArbiterCli.BAD_INPUT);
        } catch (IOException e) {
            throw new CliFailure(option + ": cannot read " + file + " (" + e.getMessage() + ")", ArbiterCli.BAD_INPUT);
        }
    }

    /** The offline server's port changes every run, its answers do not: key its cache by name. */
    String providerIdentity(ProviderProfile profile) {
        return isOffline() ? OFFLINE : profile.baseUrl();
    }

    /** The --project file opened to write into (one process at a time), or null without one. */
    Project openProject() {
        if (project == null) {
            return null;
        }
        return ProjectOpening.forWriting(
                project,
                waitForProject,
                "arbiter " + command.name(),
                command.commandLine().getErr());
    }

    /**
     * The offline demo's profile: its server's URL and models, with the models, temperature and max tokens the
     * project stores when its configuration is re-run (as the workbench ran it); free of charge.
     */
    ProviderProfile offlineProfile(OfflineProvider offline) {
        ProviderProfile demo = offline.profile();
        ProviderProfile kept = storedProvider;
        ProviderProfile profile = kept == null
                ? demo
                : new ProviderProfile(
                        demo.name(),
                        demo.baseUrl(),
                        null,
                        kept.baseModel(),
                        kept.judgeModel(),
                        kept.temperature(),
                        kept.maxTokens(),
                        demo.concurrency());
        return profile.withPrices(TokenPrices.FREE);
    }

    /**
     * The run's spec: with a project, the worked examples its review promoted for these rows, exactly as the
     * workbench puts them into the judge prompt, so a re-run judges with the same prompt as the run it repeats.
     */
    RunSpec runSpec(Project opened, Inputs inputs, ProviderProfile profile) {
        RunSpec spec = RunSpec.of(inputs.dataset(), inputs.mapping(), inputs.prompts(), profile);
        return opened == null
                ? spec
                : spec.withExamples(
                        WorkedExamples.of(opened, inputs.config().datasetSha256(), inputs.dataset(), inputs.mapping()));
    }

    /** What the run starts with, for the recorder. */
    RunStart start(Inputs inputs, RunSpec spec, String mode) {
        return new RunStart(
                spec,
                inputs.config().datasetSha256(),
                inputs.config().datasetPath(),
                providerIdentity(spec.provider()),
                mode);
    }

    /** Says on stderr that this continues an unfinished run, as every command that records into one does. */
    static void sayWhenResumed(Recording recording, PrintWriter stderr) {
        if (recording.resumed()) {
            stderr.println("arbiter: resuming run " + recording.runId() + " ("
                    + recording.resumedFrom().toLowerCase(java.util.Locale.ROOT) + ")");
            stderr.flush();
        }
    }
}
