package io.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.dataset.TaskKind;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.project.Project;
import io.arbiter.core.project.Recording;
import io.arbiter.core.project.RunRecorder;
import io.arbiter.core.project.RunStart;
import io.arbiter.core.project.WorkedExamples;
import io.arbiter.core.prompt.PromptCheck;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RunMode;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.SecondBase;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.core.store.PromptVersion;
import io.arbiter.core.store.StoredDataset;
import io.arbiter.offline.OfflineProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that define a run's spec (dataset, columns, prompts, provider) and the project run they map to,
 * shared by {@code run}, {@code batch-export} and {@code batch-import} so all three agree on which run is meant.
 * Without {@code --dataset}, {@code --project} supplies the configuration stored by an earlier run (dataset copy,
 * mapping, prompts and provider with only the key's variable name). (Past 300 lines: how the options and a stored
 * configuration make one spec stays in one place, so the three commands cannot drift apart.)
 */
abstract class RunInputsCommand {

    /** Records this invocation's run in the project, as the workbench records its runs. */
    final RunRecorder recorder = new RunRecorder();

    @Spec
    CommandSpec command;

    @Mixin
    InputOptions inputOptions;

    @Mixin
    ProviderOptions providerOptions;

    @Mixin
    SchemeOptions schemeOptions;

    @Mixin
    PairOptions pairOptions;

    @Mixin
    JuryOptions juryOptions;

    @Mixin
    JurorProfiles jurorProfiles;

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

    /**
     * The dataset, mapping and prompts, checked against each other and against the scheme that grades, with the
     * configuration they came from.
     *
     * @param secondBase what generates answer B of a pairwise run: the project's stored one on a re-run, null
     *                   when the options give it (it defaults to the provider's base model, known later) or none
     * @param basePromptB the text of --base-prompt-b; null without it
     */
    record Inputs(
            Configuration config, PromptPair prompts, JudgeScheme scheme, SecondBase secondBase, String basePromptB) {
        Dataset dataset() {
            return config.rows();
        }

        ColumnMapping mapping() {
            return config.mapping();
        }
    }

    /** The checks that need no file: made before the project is opened, so a bad flag creates nothing. */
    void checkSettings() {
        providerOptions.check();
    }

    /**
     * Takes what the options leave open from the run options stored in the project being re-run (the workbench
     * keeps its mode and concurrency there); options given on the command line win.
     */
    void useStoredRunOptions(Project opened, JsonNode options) {
        providerOptions.useStoredConcurrency(opened, options);
    }

    /**
     * Reads and checks the inputs given as options before any project file is opened, so that a bad dataset, column
     * or prompt leaves no new, empty project behind; null when they are to come from the project.
     */
    Inputs readGivenInputs(PrintWriter stderr) throws IOException {
        return inputOptions.hasDataset() ? readInputs(null, stderr) : null;
    }

    /** The options' configuration with --dataset, else the one stored in {@code opened} (null without --project). */
    Inputs readInputs(Project opened, PrintWriter stderr) throws IOException {
        Configuration config = inputOptions.hasDataset() ? inputOptions.read(stderr) : storedConfiguration(opened);
        Dataset rows = config.rows();
        // The options name the scheme; without them a re-run grades as the project's configuration did.
        JudgeScheme stored = opened == null || inputOptions.hasDataset()
                ? JudgeSchemes.DEFAULT
                : opened.currentScheme().orElse(JudgeSchemes.DEFAULT);
        JudgeScheme scheme = schemeOptions.scheme(stored);
        pairOptions.check(scheme instanceof PairwiseScheme);
        if (inputOptions.hasDataset()) {
            ColumnMapping mapping = pairOptions.apply(config.mapping(), rows);
            // A pair's answers are free text whatever the rows hold: a label match would say nothing of them.
            boolean freeText = scheme instanceof PairwiseScheme && inputOptions.task == null;
            config = new Configuration(
                    rows,
                    config.datasetPath(),
                    config.datasetSha256(),
                    freeText ? mapping.withTask(TaskKind.GENERATE) : mapping,
                    config.baseText(),
                    config.judgeText());
        }
        List<String> mappingProblems = config.mapping().problemsWith(rows);
        if (!mappingProblems.isEmpty()) {
            throw new CliFailure(mappingProblems.get(0), ArbiterCli.BAD_INPUT);
        }
        PromptPair prompts = PromptPair.of(config.baseText(), config.judgeText());
        SecondBase storedB = scheme instanceof PairwiseScheme && !inputOptions.hasDataset() && opened != null
                ? opened.secondBase().orElse(null)
                : null;
        String basePromptB = pairOptions.basePromptB == null
                ? null
                : InputOptions.readText(pairOptions.basePromptB, "--base-prompt-b");
        if (scheme instanceof PairwiseScheme) {
            pairOptions.requireTwoAnswers(
                    config.mapping(),
                    storedB != null,
                    inputOptions.hasDataset() || opened == null ? "" : opened.file() + ": ");
        }
        List<String> promptProblems = new ArrayList<>(
                PromptCheck.problems(prompts, PromptCheck.names(rows, config.mapping()), scheme.placeholders()));
        if (basePromptB != null) { // answer B's prompt is a base prompt, checked as one
            PromptCheck.problems(
                            PromptPair.of(basePromptB, config.judgeText()),
                            PromptCheck.names(rows, config.mapping()),
                            scheme.placeholders())
                    .stream()
                    .filter(problem -> problem.startsWith("Base prompt"))
                    .map(problem -> problem.replaceFirst("Base prompt", "Base prompt B"))
                    .forEach(promptProblems::add);
        }
        if (!promptProblems.isEmpty()) {
            throw new CliFailure(promptProblems.get(0), ArbiterCli.BAD_INPUT);
        }
        List<String> humanProblems = new RowRatings(scheme, rows, config.mapping()).problems();
        if (!humanProblems.isEmpty()) {
            throw new CliFailure(String.join("\n", humanProblems), ArbiterCli.BAD_INPUT);
        }
        return new Inputs(config, prompts, scheme, storedB, basePromptB);
    }

    /** The project's stored dataset copy, mapping, prompts and provider: what {@code run --project P} re-runs. */
    private Configuration storedConfiguration(Project opened) {
        if (opened == null) {
            throw new CliFailure(
                    "Missing required option: '--dataset' (or --project with a stored configuration)",
                    ArbiterCli.BAD_INPUT);
        }
        inputOptions.refuseWithoutDataset();
        if (pairOptions.any()) {
            throw new CliFailure(
                    "the pair's column options, --base-model-b and --base-prompt-b go with --dataset; a re-run of "
                            + opened.file() + " compares the answers its stored configuration names",
                    ArbiterCli.BAD_INPUT);
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
        providerOptions.useStored(stored);
        // The jury and repeats the configuration was run or saved with; --repeat given here wins.
        opened.panel().ifPresent(panel -> {
            providerOptions.useStoredJurors(panel.otherJurors());
            juryOptions.useStored(panel);
        });
        return new Configuration(
                rows, info.sourcePath(), info.sha256(), mapping, prompts.baseText(), prompts.judgeText());
    }

    boolean isOffline() {
        return providerOptions.isOffline();
    }

    ProviderProfile remoteProfile() {
        return providerOptions.remoteProfile();
    }

    ProviderProfile offlineProfile(OfflineProvider offline) {
        return providerOptions.offlineProfile(offline);
    }

    /** The offline server's port changes every run, its answers do not: key its cache by name. */
    String providerIdentity(ProviderProfile profile) {
        return providerOptions.identity(profile);
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
     * The run's spec: with a project, the worked examples its review promoted for these rows, exactly as the
     * workbench puts them into the judge prompt, so a re-run judges with the same prompt as the run it repeats.
     */
    RunSpec runSpec(Project opened, Inputs inputs, ProviderProfile profile) {
        SecondBase second = inputs.secondBase() != null
                ? inputs.secondBase()
                : pairOptions
                        .secondBase(profile, inputs.config().baseText(), inputs.basePromptB())
                        .orElse(null);
        RunSpec spec;
        try {
            spec = new RunSpec(
                    inputs.dataset(),
                    inputs.mapping(),
                    LabelSet.fromTruth(inputs.dataset(), inputs.mapping()),
                    inputs.prompts(),
                    profile,
                    List.of(),
                    List.of(),
                    inputs.scheme(),
                    second,
                    jurorProfiles.resolve(
                            juryOptions.panel(providerOptions.jurors(profile.judgeModel())), profile.judgeModel()));
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), ArbiterCli.BAD_INPUT);
        }
        return opened == null
                ? spec
                : spec.withExamples(WorkedExamples.of(
                        opened, inputs.config().datasetSha256(), inputs.dataset(), inputs.mapping(), inputs.scheme()));
    }

    /** What the run starts with, for the recorder. */
    RunStart start(Inputs inputs, RunSpec spec, RunMode mode) {
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
