package io.arbiter.core.export;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.TruthMatch;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.review.ReviewLog;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RowVotes;
import io.arbiter.core.run.Stage;
import io.arbiter.core.run.StageOutcome;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.core.scheme.VerdictScheme;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.JudgeScore;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes a run's results as CSV: one line per row with the chosen dataset columns, the truth, both stages' raw
 * and parsed outputs, the per-row right/wrong decisions (the same {@link TruthMatch} the metrics count), errors,
 * tokens, and the human review (verdict, note, who, when, promoted as an example); a pairwise run has both answers
 * and both orders in their place ({@link PairResultCells}), a jury's or repeats' verdicts follow the costs
 * ({@link VoteCells}). Cells that a spreadsheet would execute are quoted by {@link CsvCells}; read them back through
 * {@link CsvCells#unescape}. (Past 300 lines: the header and each line are built side by side, so their columns
 * cannot drift apart; the cells of pairs and votes are already their own classes.)
 */
public final class ResultsCsvWriter {

    /** The columns after the dataset's own and before the scheme's, in order. */
    public static final List<String> ANSWER_COLUMNS =
            List.of("truth", "base_answer_raw", "base_answer", "base_parsed", "base_vs_truth", "judge_output_raw");

    /** The columns after the scheme's, in order. */
    public static final List<String> COST_COLUMNS = List.of("error", "prompt_tokens", "completion_tokens");

    /**
     * The result columns of a verdict run: {@link #ANSWER_COLUMNS}, the verdict scheme's ({@code judge_prediction},
     * {@code judge_evaluation}, {@code judge_vs_truth}), {@link #COST_COLUMNS}.
     */
    public static final List<String> RESULT_COLUMNS = resultColumns(VerdictScheme.INSTANCE);

    /** After a scoring scheme's columns: the person's score the judge's is checked against. */
    public static final String HUMAN_SCORE = "human_score";

    private final JudgeScheme scheme;
    private final RowRatings ratings;

    /** A writer for runs graded Correct/Incorrect. */
    public ResultsCsvWriter() {
        this(JudgeSchemes.DEFAULT, null);
    }

    /** A writer whose judge columns are {@code scheme}'s, without people's scores from the dataset. */
    public ResultsCsvWriter(JudgeScheme scheme) {
        this(scheme, null);
    }

    /**
     * @param ratings what people said about each row, for a scoring scheme's {@value #HUMAN_SCORE}; null for none
     */
    public ResultsCsvWriter(JudgeScheme scheme, RowRatings ratings) {
        this.scheme = scheme;
        this.ratings = ratings;
    }

    /** The columns after the dataset's own for a run graded by {@code scheme}. */
    public static List<String> resultColumns(JudgeScheme scheme) {
        if (scheme.pairs()) { // two answers and two orders in place of the base answer and its verdict
            List<String> columns = PairResultCells.columns(scheme);
            columns.addAll(COST_COLUMNS);
            return List.copyOf(columns);
        }
        List<String> columns = new ArrayList<>(ANSWER_COLUMNS);
        columns.addAll(scheme.exportColumns());
        if (scheme.scores()) {
            columns.add(HUMAN_SCORE);
        }
        columns.addAll(COST_COLUMNS);
        return List.copyOf(columns);
    }

    /** The human review after the results: verdict, note, who and when (ISO-8601), and whether it is an example. */
    public static final List<String> REVIEW_COLUMNS =
            List.of("human_label", "human_note", "human_reviewer", "human_at", "promoted");

    /** What each model reasoned before its answer (a {@code <think>} block or reasoning field), last. */
    public static final List<String> REASONING_COLUMNS = List.of("base_reasoning", "judge_reasoning");

    /**
     * The header: "row", the dataset columns asked for, {@link #resultColumns}, {@link #REVIEW_COLUMNS}, then
     * {@link #REASONING_COLUMNS}.
     */
    public List<String> header(List<String> datasetColumns) {
        List<String> header = new ArrayList<>();
        header.add("row");
        List<String> ours = new ArrayList<>(resultColumns(scheme));
        ours.addAll(REVIEW_COLUMNS);
        ours.addAll(reasoningColumns());
        // A dataset column named like one of ours (the support sample's human_score) keeps its cells under a name
        // that says where they come from, so no reader picks the wrong one of two equal names.
        for (String column : datasetColumns) {
            header.add(ours.contains(column) || column.equals("row") ? "dataset_" + column : column);
        }
        header.addAll(resultColumns(scheme));
        header.addAll(REVIEW_COLUMNS);
        header.addAll(reasoningColumns());
        return header;
    }

    /** {@link #REASONING_COLUMNS}, or a pair's four (each answer's base, the judge in each order). */
    private List<String> reasoningColumns() {
        return scheme.pairs() ? PairResultCells.REASONING : REASONING_COLUMNS;
    }

    /**
     * Writes the header and one line per result to {@code out}, which is flushed but left open.
     *
     * @param datasetColumns dataset columns to repeat on each line (inputs, titles...); each must exist
     * @throws IllegalArgumentException if a column is not in the dataset (before anything is written)
     */
    public void write(Writer out, Dataset dataset, List<String> datasetColumns, List<RowResult> results)
            throws IOException {
        write(out, dataset, datasetColumns, results, new ReviewLog());
    }

    /** As {@link #write(Writer, Dataset, List, List)}, with each row's human review from {@code review}. */
    public void write(
            Writer out, Dataset dataset, List<String> datasetColumns, List<RowResult> results, ReviewLog review)
            throws IOException {
        int[] columnIndexes =
                datasetColumns.stream().mapToInt(dataset::columnIndex).toArray();
        // Not closed: closing the CSVWriter would close the caller's Writer.
        ICSVWriter csv = new CSVWriter(
                out,
                ICSVWriter.DEFAULT_SEPARATOR,
                ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                ICSVWriter.DEFAULT_ESCAPE_CHARACTER,
                ICSVWriter.RFC4180_LINE_END);
        // A jury's or repeats' columns follow the run's shape, which its rows carry.
        RowVotes shape = results.stream()
                .map(RowResult::votes)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        List<String> header = new ArrayList<>(header(datasetColumns));
        header.addAll(header.size() - REVIEW_COLUMNS.size() - reasoningColumns().size(), VoteCells.columns(shape));
        writeLine(csv, header);
        for (RowResult result : results) {
            // A reviewer's word counts on the answers it was given on: the base answer, or a pair's two.
            HumanVerdict verdict = review.verdictOn(result.row(), RowRatings.judgedAnswer(result))
                    .orElse(null);
            List<String> line = line(dataset, columnIndexes, result, verdict);
            line.addAll(VoteCells.cells(scheme, shape, result));
            addReview(line, review, result.row(), verdict);
            if (scheme.pairs()) {
                line.addAll(PairResultCells.reasoning(result));
            } else {
                line.add(result.base().reasoning());
                line.add(judgeReasoning(result));
            }
            writeLine(csv, line);
        }
        csv.flush();
        if (csv.getException() != null) {
            throw csv.getException();
        }
    }

    /**
     * Writes the file as UTF-8 through a temporary file in the same folder, moved into place only when complete,
     * so a failed export leaves any earlier file as it was and no partial file behind.
     */
    public void write(Path file, Dataset dataset, List<String> datasetColumns, List<RowResult> results)
            throws IOException {
        write(file, dataset, datasetColumns, results, new ReviewLog());
    }

    /** As {@link #write(Path, Dataset, List, List)}, with each row's human review from {@code review}. */
    public void write(
            Path file, Dataset dataset, List<String> datasetColumns, List<RowResult> results, ReviewLog review)
            throws IOException {
        Path target = file.toAbsolutePath();
        // createFile, not createTempFile: the latter makes the file owner-only, which the export would inherit.
        Path temp =
                Files.createFile(target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp"));
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                write(out, dataset, datasetColumns, results, review);
            }
            moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The judge's reasoning field or think block, then the reasoning a scoring judge wrote before its score. */
    private static String judgeReasoning(RowResult result) {
        String hidden = result.judge().reasoning();
        String written = result.judgement() instanceof JudgeScore score ? score.reasoning() : "";
        if (hidden == null || hidden.isBlank()) {
            return written;
        }
        return written.isEmpty() ? hidden : hidden.strip() + "\n\n" + written;
    }

    private List<String> line(Dataset dataset, int[] columnIndexes, RowResult result, HumanVerdict verdict) {
        BaseAnswer base = result.baseAnswer();
        Usage usage = Usage.NONE;
        for (Stage stage : result.stages()) {
            usage = usage.plus(result.outcome(stage).usage());
        }
        List<String> line = new ArrayList<>();
        line.add(Integer.toString(result.row() + 1));
        for (int column : columnIndexes) {
            line.add(dataset.value(result.row(), column));
        }
        if (scheme.pairs()) {
            line.addAll(PairResultCells.cells(scheme, ratings, result, verdict));
            addCosts(line, result, usage);
            return line;
        }
        line.add(String.join(", ", result.truth()));
        line.add(result.base().text());
        line.add(base == null ? "" : base.label());
        line.add(base == null ? "" : Boolean.toString(base.parsed()));
        line.add(TruthMatch.ofBase(result.truth(), base).spelled());
        line.add(result.judge().text());
        if (result.judgement() == null) {
            scheme.exportColumns().forEach(column -> line.add(""));
        } else {
            line.addAll(scheme.exportCells(result.truth(), result.judgement()));
        }
        if (scheme.scores()) {
            Integer human =
                    ratings == null ? null : ratings.rate(result, verdict).humanScore();
            line.add(human == null ? "" : human.toString());
        }
        addCosts(line, result, usage);
        return line;
    }

    private static void addCosts(List<String> line, RowResult result, Usage usage) {
        line.add(errors(result));
        line.add(Long.toString(usage.promptTokens()));
        line.add(Long.toString(usage.completionTokens()));
    }

    /** The review of the row's current base answer; a verdict on an earlier run's answer is not this row's. */
    private static void addReview(List<String> line, ReviewLog review, int row, HumanVerdict verdict) {
        line.add(verdict == null ? "" : verdict.label());
        line.add(verdict == null ? "" : verdict.note());
        line.add(verdict == null ? "" : verdict.reviewer());
        line.add(verdict == null ? "" : DateTimeFormatter.ISO_INSTANT.format(verdict.at()));
        line.add(Boolean.toString(review.promoted(row)));
    }

    private static String errors(RowResult result) {
        List<String> errors = new ArrayList<>();
        for (Stage stage : result.stages()) {
            addError(errors, stage.title(), result.outcome(stage));
        }
        return String.join("; ", errors);
    }

    private static void addError(List<String> errors, String stage, StageOutcome outcome) {
        if (outcome.failed()) {
            errors.add(stage + ": " + outcome.error());
        }
    }

    /** Every cell, header included, passes through here: the one place to make cells spreadsheet-safe. */
    private static void writeLine(ICSVWriter csv, List<String> cells) {
        String[] line = new String[cells.size()];
        for (int i = 0; i < line.length; i++) {
            line[i] = cell(cells.get(i));
        }
        csv.writeNext(line, false);
    }

    private static String cell(String value) {
        return CsvCells.escape(value);
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
