package io.arbiter.core.export;

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
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.JudgeScore;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The cells of a results export, one source for every file format: the header, then per row the chosen dataset
 * columns, the truth, both stages' raw and parsed outputs, the per-row right/wrong decisions (the same
 * {@link TruthMatch} the metrics count), errors, tokens, a jury's or repeats' verdicts ({@link VoteCells}), the human
 * review and the reasoning, as plain text. A format
 * only writes them: CSV makes them spreadsheet-safe ({@link CsvCells}), a workbook stores them as text cells.
 */
final class ResultTable {

    /** Where the table's lines go, header first. */
    interface Lines {
        void header(List<String> cells) throws IOException;

        void row(RowResult result, List<String> cells) throws IOException;
    }

    /** How a row's judgement came out, which a workbook shows as the row's fill. */
    enum Outcome {
        /** The judge passed the base answer. */
        PASS,
        /** The judge failed it. */
        FAIL,
        /** The judge's output (or the base answer) could not be read. */
        UNPARSED,
        /** A request failed. */
        ERROR,
        /** Not judged yet, or a pair's preference: no right or wrong to show. */
        NONE
    }

    private final JudgeScheme scheme;
    private final RowRatings ratings;

    /** {@code ratings}: what people said about each row, for a scoring scheme's human score; null for none. */
    ResultTable(JudgeScheme scheme, RowRatings ratings) {
        this.scheme = scheme;
        this.ratings = ratings;
    }

    /** The header: "row", the dataset columns asked for, the result, review and reasoning columns. */
    List<String> header(List<String> datasetColumns) {
        List<String> header = new ArrayList<>();
        header.add("row");
        List<String> ours = new ArrayList<>(ResultsCsvWriter.resultColumns(scheme));
        ours.addAll(ResultsCsvWriter.REVIEW_COLUMNS);
        ours.addAll(reasoningColumns());
        // A dataset column named like one of ours (the support sample's human_score) keeps its cells under a name
        // that says where they come from, so no reader picks the wrong one of two equal names.
        for (String column : datasetColumns) {
            header.add(ours.contains(column) || column.equals("row") ? "dataset_" + column : column);
        }
        header.addAll(ours);
        return header;
    }

    /** The header of rows judged like {@code shape} (a jury's or repeats' columns after the costs; null for none). */
    List<String> header(List<String> datasetColumns, RowVotes shape) {
        List<String> header = header(datasetColumns);
        header.addAll(
                header.size()
                        - ResultsCsvWriter.REVIEW_COLUMNS.size()
                        - reasoningColumns().size(),
                VoteCells.columns(shape));
        return header;
    }

    /** The votes' shape of a run's rows, which its rows carry; null for a run of one judge asked once. */
    static RowVotes shape(List<RowResult> results) {
        return results.stream()
                .map(RowResult::votes)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /**
     * Gives {@code lines} the header and one line per result.
     *
     * @throws IllegalArgumentException if a column is not in the dataset (before anything is given)
     */
    void write(Dataset dataset, List<String> datasetColumns, List<RowResult> results, ReviewLog review, Lines lines)
            throws IOException {
        int[] columnIndexes =
                datasetColumns.stream().mapToInt(dataset::columnIndex).toArray();
        RowVotes shape = shape(results);
        lines.header(header(datasetColumns, shape));
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
            lines.row(result, line);
        }
    }

    /** How the judge's evaluation of {@code result} came out. */
    Outcome outcome(RowResult result) {
        if (result.failed()) {
            return Outcome.ERROR;
        }
        if (result.judgement() == null || scheme.pairs()) {
            return Outcome.NONE;
        }
        if (!result.judgement().parsed()) {
            return Outcome.UNPARSED;
        }
        return scheme.passes(result.judgement())
                .map(pass -> pass ? Outcome.PASS : Outcome.FAIL)
                .orElse(Outcome.UNPARSED);
    }

    /** {@link ResultsCsvWriter#REASONING_COLUMNS}, or a pair's four (each answer's base, the judge in each order). */
    private List<String> reasoningColumns() {
        return scheme.pairs() ? PairResultCells.REASONING : ResultsCsvWriter.REASONING_COLUMNS;
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
}
