package io.arbiter.cli;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.DatasetException;
import io.arbiter.core.dataset.DatasetImporter;
import io.arbiter.core.dataset.ImportProblem;
import io.arbiter.core.dataset.ImportProgress;
import io.arbiter.core.dataset.ImportResult;
import io.arbiter.core.dataset.JudgeColumns;
import io.arbiter.core.dataset.TaskKind;
import io.arbiter.core.project.Project;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of {@link RunInputsCommand} that give a run's rows, columns and prompts: {@code --dataset} and its company. */
final class InputOptions {

    @Option(
            names = "--dataset",
            description =
                    "CSV, TSV, JSON Lines, JSON array or Excel .xlsx file (--sheet NAME for another sheet than the first); see 'arbiter inspect'. Without it, --project re-runs the configuration stored in the project.")
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

    @Option(
            names = "--task",
            paramLabel = "classify|generate",
            description =
                    "classify (default): the base answer names a label; generate: the base answer is free text, kept whole.")
    String task;

    @Option(
            names = "--answer-column",
            description = "Column that already holds the base model's answers: only the judge is asked.")
    String answerColumn;

    @Option(
            names = "--reference-column",
            description = "Column with a reference answer, shown to the judge as {{reference}}.")
    String referenceColumn;

    @Option(
            names = "--human-score-column",
            description =
                    "Column with people's scores of the base answer, the truth a scoring judge is checked against.")
    String humanScoreColumn;

    @Option(
            names = "--human-verdict-column",
            description =
                    "Column with people's Correct/Incorrect on the base answer, the truth the judge is checked against.")
    String humanVerdictColumn;

    @Option(names = "--base-prompt", description = "File with the base prompt.")
    Path basePrompt;

    @Option(names = "--judge-prompt", description = "File with the judge prompt.")
    Path judgePrompt;

    /** Whether the options name a dataset; without one the configuration comes from the project. */
    boolean hasDataset() {
        return dataset != null;
    }

    /** Refuses the options that only go with --dataset when the configuration comes from the project. */
    void refuseWithoutDataset() {
        if (inputColumns != null
                || basePrompt != null
                || judgePrompt != null
                || task != null
                || answerColumn != null
                || referenceColumn != null
                || humanScoreColumn != null
                || humanVerdictColumn != null) {
            throw new CliFailure(
                    "--input-column, --task, the column options, --base-prompt and --judge-prompt go with --dataset",
                    ArbiterCli.BAD_INPUT);
        }
    }

    /** The dataset, mapping and prompts the options give, read and checked for being there. */
    RunInputsCommand.Configuration read(PrintWriter stderr) throws IOException {
        for (var required : List.of(
                Map.entry("--input-column", inputColumns == null ? "" : "x"),
                Map.entry("--base-prompt", basePrompt == null ? "" : "x"),
                Map.entry("--judge-prompt", judgePrompt == null ? "" : "x"))) {
            if (required.getValue().isEmpty()) {
                throw new CliFailure(
                        "Missing required option: '" + required.getKey() + "' (with --dataset)", ArbiterCli.BAD_INPUT);
            }
        }
        Dataset rows = readDataset(stderr);
        // Read against the columns, not split blindly: a column's name may hold a comma.
        TaskKind kind;
        try {
            kind = TaskKind.named(task);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--task: " + e.getMessage(), ArbiterCli.BAD_INPUT);
        }
        ColumnMapping mapping = new ColumnMapping(
                ColumnNames.list("Input column", "--input-column", inputColumns, rows),
                ColumnNames.one("Truth column", "--truth-column", truthColumn, rows),
                truthSeparator,
                ColumnNames.one("Answer column", "--answer-column", answerColumn, rows),
                Map.of(),
                kind,
                new JudgeColumns(
                        ColumnNames.one("Reference column", "--reference-column", referenceColumn, rows),
                        ColumnNames.one("Human score column", "--human-score-column", humanScoreColumn, rows),
                        ColumnNames.one("Human verdict column", "--human-verdict-column", humanVerdictColumn, rows)));
        return new RunInputsCommand.Configuration(
                rows,
                dataset.toAbsolutePath().normalize().toString(),
                Project.sha256(dataset),
                mapping,
                readText(basePrompt, "--base-prompt"),
                readText(judgePrompt, "--judge-prompt"));
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
}
