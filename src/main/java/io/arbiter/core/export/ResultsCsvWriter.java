package io.arbiter.core.export;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.review.ReviewLog;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.core.scheme.VerdictScheme;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a run's results as CSV: one line per row with the chosen dataset columns, the truth, both stages' raw
 * and parsed outputs, the per-row right/wrong decisions (the same {@link io.arbiter.core.metrics.TruthMatch} the
 * metrics count), errors, tokens, and the human review (verdict, note, who, when, promoted as an example); a pairwise
 * run has both answers and both orders in their place ({@link PairResultCells}). The cells are {@link ResultTable}'s,
 * which {@link ResultsXlsxWriter} writes too. Cells that a spreadsheet would execute are quoted by {@link CsvCells};
 * read them back through {@link CsvCells#unescape}.
 */
public final class ResultsCsvWriter implements ResultsWriter {

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

    /** UTF-8's byte order mark, which Excel needs to read a CSV file as UTF-8 rather than the system's code page. */
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final JudgeScheme scheme;
    private final RowRatings ratings;
    private final boolean bom;

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
        this(scheme, ratings, false);
    }

    private ResultsCsvWriter(JudgeScheme scheme, RowRatings ratings, boolean bom) {
        this.scheme = scheme;
        this.ratings = ratings;
        this.bom = bom;
    }

    /** The same writer, starting a file with a byte order mark when {@code bom} ("CSV for Excel"), else without. */
    public ResultsCsvWriter withBom(boolean withBom) {
        return new ResultsCsvWriter(scheme, ratings, withBom);
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
        return new ResultTable(scheme, ratings).header(datasetColumns);
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
        // Not closed: closing the CSVWriter would close the caller's Writer.
        ICSVWriter csv = new CSVWriter(
                out,
                ICSVWriter.DEFAULT_SEPARATOR,
                ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                ICSVWriter.DEFAULT_ESCAPE_CHARACTER,
                ICSVWriter.RFC4180_LINE_END);
        new ResultTable(scheme, ratings).write(dataset, datasetColumns, results, review, new ResultTable.Lines() {
            @Override
            public void header(List<String> cells) {
                writeLine(csv, cells);
            }

            @Override
            public void row(RowResult result, List<String> cells) {
                writeLine(csv, cells);
            }
        });
        csv.flush();
        if (csv.getException() != null) {
            throw csv.getException();
        }
    }

    /**
     * Writes the file as UTF-8 (with a byte order mark first when {@link #withBom}) through a temporary file in the same folder, moved into place only when complete,
     * so a failed export leaves any earlier file as it was and no partial file behind.
     */
    public void write(Path file, Dataset dataset, List<String> datasetColumns, List<RowResult> results)
            throws IOException {
        write(file, dataset, datasetColumns, results, new ReviewLog());
    }

    /** As {@link #write(Path, Dataset, List, List)}, with each row's human review from {@code review}. */
    @Override
    public void write(
            Path file, Dataset dataset, List<String> datasetColumns, List<RowResult> results, ReviewLog review)
            throws IOException {
        ReplacedFile.write(file, bytes -> {
            if (bom) {
                bytes.write(BOM);
            }
            Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
            write(out, dataset, datasetColumns, results, review);
            out.flush();
        });
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
}
