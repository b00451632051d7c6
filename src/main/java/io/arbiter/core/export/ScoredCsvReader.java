package io.arbiter.core.export;

import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.metrics.ScoredRow;
import io.arbiter.core.metrics.TruthMatch;
import io.arbiter.core.scheme.ScoreScheme;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.JudgeScore;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Reads a scoring judge's rows from any UTF-8 CSV with a header row, Arbiter's results export of a scoring run
 * included: the judge's score and a person's score per row, both whole numbers on the scheme's scale. Cells go
 * through {@link CsvCells#unescape} as {@link JudgedCsvReader}'s do.
 */
public final class ScoredCsvReader {

    /**
     * The columns to read.
     *
     * @param judgeScore  the judge's score; an empty cell is a row the judge did not score, anything not a whole
     *                    number on the scale is UNPARSED
     * @param humanScore  a person's score; an empty cell is a row nobody scored
     * @param judgeOutput the judge's raw output, or null for {@code judge_output_raw} when the file has it: an empty score
     *                    beside an output is UNPARSED (Arbiter's export leaves {@code judge_score} empty then)
     */
    public record Columns(String judgeScore, String humanScore, String judgeOutput) {}

    /** The judge's raw output in Arbiter's results export. */
    static final String DEFAULT_OUTPUT = "judge_output_raw";

    private ScoredCsvReader() {}

    public static List<RatedRow> read(Path file, Columns columns, ScoreScheme scheme) throws CsvInputException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString(), columns, scheme);
        } catch (NoSuchFileException e) {
            throw new CsvInputException(file + ": no such file");
        } catch (IOException e) {
            throw new CsvInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads from a reader; {@code name} is how messages refer to the source. */
    public static List<RatedRow> read(Reader in, String name, Columns columns, ScoreScheme scheme)
            throws CsvInputException {
        List<String[]> lines = JudgedCsvReader.lines(in, name);
        List<String> header = JudgedCsvReader.header(lines, name);
        int judge = JudgedCsvReader.column(header, columns.judgeScore(), "Judge score", name);
        int human = JudgedCsvReader.column(header, columns.humanScore(), "Human score", name);
        // Arbiter's own export has the judge's raw output beside the score: read it unless told otherwise, so an
        // unparsed row counts as unparsed there too.
        int output = columns.judgeOutput() != null
                ? JudgedCsvReader.column(header, columns.judgeOutput(), "Judge output", name)
                : header.indexOf(DEFAULT_OUTPUT);
        List<RatedRow> rated = new ArrayList<>();
        List<String[]> rows = JudgedCsvReader.rows(lines, header, name);
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i);
            JudgeScore score = judgeScore(cells[judge], output < 0 ? "" : cells[output], scheme);
            // The answer's text is not needed to count a score, only that there was one to judge.
            ScoredRow row = new ScoredRow(
                    List.of(),
                    BaseAnswer.freeText("(answer)"),
                    score == null ? null : score.asVerdict(),
                    false,
                    score == null ? null : score.score());
            rated.add(scheme.rate(row, TruthMatch.NOT_SCORED, humanScore(cells[human], i + 1, name, columns, scheme)));
        }
        return rated;
    }

    private static JudgeScore judgeScore(String cell, String output, ScoreScheme scheme) {
        String text = cell.strip();
        if (text.isEmpty()) {
            return output.isBlank() ? null : JudgeScore.unparsed(output);
        }
        try {
            int score = Integer.parseInt(text);
            return scheme.scale().contains(score)
                    ? JudgeScore.of(output.isBlank() ? text : output, score, "", scheme.passAt())
                    : JudgeScore.unparsed(text);
        } catch (NumberFormatException e) {
            return JudgeScore.unparsed(text);
        }
    }

    private static OptionalInt humanScore(String cell, int row, String name, Columns columns, ScoreScheme scheme)
            throws CsvInputException {
        String text = cell.strip();
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int score = Integer.parseInt(text);
            if (scheme.scale().contains(score)) {
                return OptionalInt.of(score);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new CsvInputException(name + ", row " + row + ": human score '" + text + "' in column '"
                + columns.humanScore() + "' is not a whole number on the scale " + scheme.scale());
    }
}
