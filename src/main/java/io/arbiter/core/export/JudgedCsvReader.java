package io.arbiter.core.export;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.metrics.ScoredRow;
import io.arbiter.core.metrics.TruthMatch;
import io.arbiter.core.verdict.AnswerNormalizer;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.JudgeVerdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads judged rows from any UTF-8 CSV with a header row, Arbiter's own results export included: the truth, the
 * base model's raw answer, the judge's Correct/Incorrect and optionally its prediction and a human's verdict.
 * Cells are read through {@link CsvCells#unescape}, so what the export quoted for spreadsheets reads back as it was.
 * Base answers are normalised against the labels of the truth column, as a run does.
 */
public final class JudgedCsvReader {

    /**
     * The columns to read.
     *
     * @param truth          ground-truth labels; required
     * @param truthSeparator splits a multi-label truth cell; empty for single-label
     * @param base           the base model's answer as it gave it
     * @param verdict        the judge's evaluation: Correct or Incorrect (any case), anything else is UNPARSED, an
     *                       empty cell means not judged
     * @param prediction     the judge's own label, or null when the CSV has none
     * @param human          a human's verdict on the base answer (Correct/Incorrect, right/wrong) or the human's
     *                       label(s) for the row; null when the CSV has none
     */
    public record Columns(
            String truth, String truthSeparator, String base, String verdict, String prediction, String human) {

        public Columns {
            truthSeparator = truthSeparator == null ? "" : truthSeparator;
        }
    }

    private JudgedCsvReader() {}

    public static List<RatedRow> read(Path file, Columns columns) throws CsvInputException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString(), columns);
        } catch (NoSuchFileException e) {
            throw new CsvInputException(file + ": no such file");
        } catch (IOException e) {
            throw new CsvInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads from a reader; {@code name} is how messages refer to the source. */
    public static List<RatedRow> read(Reader in, String name, Columns columns) throws CsvInputException {
        List<String[]> lines = lines(in, name);
        List<String> header = header(lines, name);
        int truth = column(header, columns.truth(), "Truth", name);
        int base = column(header, columns.base(), "Base answer", name);
        int verdict = column(header, columns.verdict(), "Judge verdict", name);
        int prediction =
                columns.prediction() == null ? -1 : column(header, columns.prediction(), "Judge prediction", name);
        int human = columns.human() == null ? -1 : column(header, columns.human(), "Human", name);
        List<String[]> rows = rows(lines, header, name);
        List<List<String>> truths = new ArrayList<>();
        List<String> allLabels = new ArrayList<>();
        for (String[] cells : rows) {
            List<String> labels = ColumnMapping.splitLabels(cells[truth], columns.truthSeparator());
            truths.add(labels);
            allLabels.addAll(labels);
        }
        LabelSet labels = new LabelSet(allLabels);
        AnswerNormalizer normalizer = new AnswerNormalizer(labels);
        List<RatedRow> rated = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i);
            BaseAnswer answer = cells[base].isEmpty() ? null : normalizer.normalize(cells[base]);
            JudgeVerdict judged = verdict(cells[verdict], prediction < 0 ? "" : cells[prediction], labels);
            ScoredRow row = new ScoredRow(truths.get(i), answer, judged, false);
            TruthMatch humanVerdict =
                    human < 0 ? TruthMatch.NOT_SCORED : human(cells[human], answer, columns.truthSeparator());
            rated.add(new RatedRow(row, humanVerdict));
        }
        return rated;
    }

    /** The header of the file's first line, trimmed and without a byte-order mark. */
    static List<String> header(List<String[]> lines, String name) throws CsvInputException {
        if (lines.isEmpty()) {
            throw new CsvInputException(name + ": the file is empty");
        }
        List<String> header = new ArrayList<>();
        for (String cell : lines.get(0)) {
            header.add(cell.strip());
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        return header;
    }

    /** The lines after the header, blank ones left out; a line with another cell count is an error naming it. */
    static List<String[]> rows(List<String[]> lines, List<String> header, String name) throws CsvInputException {
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i);
            if (cells.length == 1 && cells[0].isEmpty()) {
                continue; // a blank line
            }
            if (cells.length != header.size()) {
                throw new CsvInputException(
                        name + ", row " + i + ": " + cells.length + " cells where the header has " + header.size());
            }
            rows.add(cells);
        }
        return rows;
    }

    static List<String[]> lines(Reader in, String name) throws CsvInputException {
        try (CSVReader csv = new CSVReader(new BufferedReader(in))) {
            List<String[]> lines = new ArrayList<>();
            String[] cells;
            while ((cells = csv.readNext()) != null) {
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = CsvCells.unescape(cells[i]);
                }
                lines.add(cells);
            }
            return lines;
        } catch (CsvException e) {
            throw new CsvInputException(name + ", line " + e.getLineNumber() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CsvInputException(name + ": " + e.getMessage(), e);
        }
    }

    static int column(List<String> header, String column, String role, String name) throws CsvInputException {
        int index = column == null ? -1 : header.indexOf(column.strip());
        if (index < 0) {
            throw new CsvInputException(role + " column '" + column + "' is not in " + name + " (columns: "
                    + String.join(", ", header) + ")");
        }
        return index;
    }

    private static JudgeVerdict verdict(String evaluation, String prediction, LabelSet labels) {
        if (evaluation.isBlank()) {
            return null;
        }
        Evaluation parsed =
                switch (evaluation.strip().toLowerCase(Locale.ROOT)) {
                    case "correct" -> Evaluation.CORRECT;
                    case "incorrect" -> Evaluation.INCORRECT;
                    default -> Evaluation.UNPARSED;
                };
        // A prediction outside the labels names no label, as an off-list base answer does (AnswerNormalizer): both
        // leave the accuracy's denominator and enter its best/worst bounds. A known prediction is kept even when the
        // evaluation does not read, so judge vs truth counts the row.
        String label = prediction.isBlank() ? null : labels.match(prediction).orElse(null);
        String raw = prediction.isBlank() ? evaluation : prediction.strip() + "," + evaluation;
        return new JudgeVerdict(raw, label, parsed);
    }

    /** A human's Correct/Incorrect (or right/wrong) on the base answer, or the human's own label(s) for the row. */
    private static TruthMatch human(String cell, BaseAnswer answer, String separator) {
        return switch (cell.strip().toLowerCase(Locale.ROOT)) {
            case "" -> TruthMatch.NOT_SCORED;
            case "correct", "right" -> TruthMatch.RIGHT;
            case "incorrect", "wrong" -> TruthMatch.WRONG;
            default -> answer == null
                    ? TruthMatch.NOT_SCORED
                    : TruthMatch.ofLabel(ColumnMapping.splitLabels(cell, separator), answer.label());
        };
    }
}
