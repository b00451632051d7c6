package io.arbiter.core.export;

import io.arbiter.core.metrics.PairFigures;
import io.arbiter.core.metrics.PairRow;
import io.arbiter.core.verdict.Preference;
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
 * Reads a pairwise judge's rows from any UTF-8 CSV with a header row, Arbiter's results export of a pairwise run
 * included: each order's winner (the B-first one already mapped back to the answers, as the export writes it), a
 * person's preference, and the row's error. Cells go through {@link CsvCells#unescape} as {@link JudgedCsvReader}'s
 * do.
 */
public final class PairCsvReader {

    /**
     * The columns to read; a null name means Arbiter's export's column, used when the file has it.
     *
     * @param winnerAb    the winner with A shown first: A, B or tie (any case); empty when not parsed
     * @param winnerBa    the winner with B shown first, mapped back to A/B/tie; {@code winner_ba} by default
     * @param preference  a person's preference (A, B, tie and the spellings {@link Preference#fromHuman} reads);
     *                    {@code human_preference} by default, none when the file lacks it
     * @param swap        "none" to read A-first verdicts only; null to read both orders unless the B-first column
     *                    is missing or empty in every row (with its raw reply, when the file has one)
     */
    public record Columns(String winnerAb, String winnerBa, String preference, String swap) {}

    /**
     * What the file holds.
     *
     * @param rows    every row of the file
     * @param errors  rows with a failed request ({@code error} not empty), left out of the figures as a run does
     * @param swapped whether both orders were read
     * @param pairs   the rows the figures count
     */
    public record Read(long rows, long errors, boolean swapped, List<PairRow> pairs) {
        public Read {
            pairs = List.copyOf(pairs);
        }

        public PairFigures figures() {
            return PairFigures.of(pairs);
        }
    }

    private PairCsvReader() {}

    public static Read read(Path file, Columns columns) throws CsvInputException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString(), columns);
        } catch (NoSuchFileException e) {
            throw new CsvInputException(file + ": no such file");
        } catch (IOException e) {
            throw new CsvInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads from a reader; {@code name} is how messages refer to the source. */
    public static Read read(Reader in, String name, Columns columns) throws CsvInputException {
        List<String[]> lines = JudgedCsvReader.lines(in, name);
        List<String> header = JudgedCsvReader.header(lines, name);
        int ab = JudgedCsvReader.column(header, or(columns.winnerAb(), "winner_ab"), "Winner (A shown first)", name);
        int ba = columns.winnerBa() != null
                ? JudgedCsvReader.column(header, columns.winnerBa(), "Winner (B shown first)", name)
                : header.indexOf("winner_ba");
        int human = columns.preference() != null
                ? JudgedCsvReader.column(header, columns.preference(), "Human preference", name)
                : header.indexOf("human_preference");
        int error = header.indexOf("error");
        // Arbiter's export leaves the outcome empty on a row the judge has not finished (an order still to come).
        int outcome = header.indexOf("outcome");
        // Arbiter's export keeps the judge's replies: a row with neither was never judged (a stopped run).
        int rawAb = header.indexOf("judge_output_raw");
        int rawBa = header.indexOf(PairResultCells.RAW_BA);
        List<String[]> rows = JudgedCsvReader.rows(lines, header, name);
        boolean swapped = !"none".equalsIgnoreCase(or(columns.swap(), "").strip())
                && ba >= 0
                && rows.stream()
                        .anyMatch(cells -> !cell(cells, ba).isEmpty()
                                || !cell(cells, rawBa).isEmpty());
        long errors = 0;
        List<PairRow> pairs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i);
            if (!cell(cells, error).isEmpty()) {
                errors++;
                continue;
            }
            if (rawAb >= 0 && outcome >= 0 && cell(cells, outcome).isEmpty()) {
                continue; // Arbiter's export of a row the judge has not finished: not reached, as in the run
            }
            if (rawAb >= 0
                    && cell(cells, rawAb).isEmpty()
                    && cell(cells, rawBa).isEmpty()
                    && cell(cells, ab).isEmpty()) {
                continue;
            }
            Preference aFirst = winner(cell(cells, ab), i + 1, header.get(ab), name);
            Preference bFirst = swapped ? winner(cell(cells, ba), i + 1, header.get(ba), name) : null;
            // The file has B-first's winner mapped back to the answers; the figures read it in the places shown.
            pairs.add(new PairRow(
                    aFirst,
                    bFirst == null ? null : bFirst.swapped(),
                    swapped,
                    human < 0 ? null : preference(cell(cells, human), i + 1, header.get(human), name)));
        }
        return new Read(rows.size(), errors, swapped, pairs);
    }

    private static String or(String given, String fallback) {
        return given == null || given.isBlank() ? fallback : given;
    }

    private static String cell(String[] cells, int column) {
        return column < 0 ? "" : cells[column].strip();
    }

    /** A, B or tie in any case; empty is a reply not parsed. */
    private static Preference winner(String cell, int row, String column, String name) throws CsvInputException {
        return switch (cell.toLowerCase(Locale.ROOT)) {
            case "" -> null;
            case "a" -> Preference.A;
            case "b" -> Preference.B;
            case "tie" -> Preference.TIE;
            default -> throw new CsvInputException(name + ", row " + row + ": winner '" + cell + "' in column '"
                    + column + "' is not A, B or tie (empty when the reply was not parsed)");
        };
    }

    private static Preference preference(String cell, int row, String column, String name) throws CsvInputException {
        try {
            return Preference.fromHuman(cell).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new CsvInputException(
                    name + ", row " + row + ": human preference in column '" + column + "': " + e.getMessage());
        }
    }
}
