package io.arbiter.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.metrics.Proportion;
import io.arbiter.core.review.ReviewLog;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.StageOutcome;
import io.arbiter.core.verdict.AnswerNormalizer;
import io.arbiter.core.verdict.JudgeOutputParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCsvWriterTest {

    static final Dataset MOVIES = new Dataset(
            "movies.csv",
            List.of("Title", "Overview", "Genre"),
            List.of(
                    new String[] {"Cold Ledger", "An accountant launders money.", "Crime, Drama"},
                    new String[] {"Orbit of Small Things", "A crippled spaceship.", "sci-fi"},
                    new String[] {"Dust on the Harrow Road", "A gunslinger.", "Western, Action"},
                    new String[] {"Untitled", "No genre yet.", ""},
                    new String[] {"The \"Best\", Worst Night", "A party,\ngone wrong.", "Comedy"},
                    new String[] {"Amélie's Café", "A waitress in Paris.", "Thriller"},
                    new String[] {"Not Run", "Pending.", "Drama"}));
    private static final ColumnMapping MAPPING = new ColumnMapping(List.of("Overview"), "Genre", ",");
    private static final LabelSet LABELS = LabelSet.fromTruth(MOVIES, MAPPING);
    static final List<String> COLUMNS = List.of("Title", "Overview");

    private final ResultsCsvWriter writer = new ResultsCsvWriter();

    /*
     * row 1: base Crime (right), judge Crime,Correct (right)
     * row 2: base sci-fi (right), judge reasons then Drama,Incorrect (wrong)
     * row 3: base "Crime drama" UNPARSED, judge UNPARSED
     * row 4: no truth; base Drama, judge Drama,Correct (neither scored against truth)
     * row 5: base failed, judge not run
     * row 6: base Action (wrong, truth Thriller), judge failed
     * row 7: not run
     * -> base vs judge 2/3 (rows 1, 4 of 1, 2, 4); base vs truth 2/3 (1, 2 of 1, 2, 6); judge vs truth 1/2 (1 of 1, 2)
     */
    static List<RowResult> results() {
        AnswerNormalizer normalizer = new AnswerNormalizer(LABELS);
        JudgeOutputParser parser = new JudgeOutputParser(LABELS);
        List<RowResult> results = new ArrayList<>();
        String[][] replies = {
            {"Crime", "Crime,Correct"},
            {"**Sci-Fi**", "The ship, the orbit: clearly not sci-fi.\nDrama,Incorrect"},
            {"Crime drama", "I cannot tell"},
            {"Drama", "Drama,Correct"},
        };
        for (int row = 0; row < replies.length; row++) {
            results.add(RowResult.pending(row, MAPPING.truthLabels(MOVIES, row))
                    .withBase(
                            StageOutcome.answered(replies[row][0], new Usage(100, 2)),
                            normalizer.normalize(replies[row][0]))
                    .withJudge(
                            StageOutcome.answered(replies[row][1], new Usage(150, 3)), parser.parse(replies[row][1])));
        }
        results.add(RowResult.pending(4, MAPPING.truthLabels(MOVIES, 4))
                .withBase(StageOutcome.failed("HTTP 500: server error"), null));
        results.add(RowResult.pending(5, MAPPING.truthLabels(MOVIES, 5))
                .withBase(StageOutcome.answered("Action", new Usage(90, 1)), normalizer.normalize("Action"))
                .withJudge(StageOutcome.failed("timed out after 60 s"), null));
        results.add(RowResult.pending(6, MAPPING.truthLabels(MOVIES, 6)));
        return results;
    }

    @Test
    void eachResultBecomesOneLineWithTheMetricsDecisions() throws Exception {
        StringWriter out = new StringWriter();

        writer.write(out, MOVIES, COLUMNS, results());

        List<String[]> lines = read(out.toString());
        assertEquals(8, lines.size());
        assertEquals(
                List.of(
                        "row",
                        "Title",
                        "Overview",
                        "truth",
                        "base_answer_raw",
                        "base_answer",
                        "base_parsed",
                        "base_vs_truth",
                        "judge_output_raw",
                        "judge_prediction",
                        "judge_evaluation",
                        "judge_vs_truth",
                        "error",
                        "prompt_tokens",
                        "completion_tokens",
                        "human_label",
                        "human_note",
                        "human_reviewer",
                        "human_at",
                        "promoted",
                        "base_reasoning",
                        "judge_reasoning"),
                List.of(lines.get(0)));
        for (String[] line : lines.subList(1, lines.size())) {
            assertEquals(List.of("", "", "", "", "false"), List.of(line).subList(15, 20), "no review: empty, false");
        }
        assertEquals(
                List.of(
                        "1",
                        "Cold Ledger",
                        "An accountant launders money.",
                        "Crime, Drama",
                        "Crime",
                        "Crime",
                        "true",
                        "correct",
                        "Crime,Correct",
                        "Crime",
                        "Correct",
                        "correct",
                        "",
                        "250",
                        "5"),
                List.of(lines.get(1)).subList(0, 15));
        assertEquals(
                List.of(
                        "2",
                        "Orbit of Small Things",
                        "A crippled spaceship.",
                        "sci-fi",
                        "**Sci-Fi**",
                        "sci-fi",
                        "true",
                        "correct",
                        "The ship, the orbit: clearly not sci-fi.\nDrama,Incorrect",
                        "Drama",
                        "Incorrect",
                        "wrong",
                        "",
                        "250",
                        "5"),
                List.of(lines.get(2)).subList(0, 15));
        assertEquals(
                List.of(
                        "3",
                        "Dust on the Harrow Road",
                        "A gunslinger.",
                        "Western, Action",
                        "Crime drama",
                        "",
                        "false",
                        "",
                        "I cannot tell",
                        "",
                        "UNPARSED",
                        "",
                        "",
                        "250",
                        "5"),
                List.of(lines.get(3)).subList(0, 15));
        assertEquals(
                List.of(
                        "4",
                        "Untitled",
                        "No genre yet.",
                        "",
                        "Drama",
                        "Drama",
                        "true",
                        "",
                        "Drama,Correct",
                        "Drama",
                        "Correct",
                        "",
                        "",
                        "250",
                        "5"),
                List.of(lines.get(4)).subList(0, 15));
        assertEquals(
                List.of(
                        "5",
                        "The \"Best\", Worst Night",
                        "A party,\ngone wrong.",
                        "Comedy",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "base: HTTP 500: server error",
                        "0",
                        "0"),
                List.of(lines.get(5)).subList(0, 15));
        assertEquals(
                List.of(
                        "6",
                        "Amélie's Café",
                        "A waitress in Paris.",
                        "Thriller",
                        "Action",
                        "Action",
                        "true",
                        "wrong",
                        "",
                        "",
                        "",
                        "",
                        "judge: timed out after 60 s",
                        "90",
                        "1"),
                List.of(lines.get(6)).subList(0, 15));
        assertEquals(
                List.of("7", "Not Run", "Pending.", "Drama", "", "", "", "", "", "", "", "", "", "0", "0"),
                List.of(lines.get(7)).subList(0, 15));
    }

    @Test
    void accuraciesRecountedFromTheCsvEqualTheMetrics() throws Exception {
        List<RowResult> results = results();
        StringWriter out = new StringWriter();
        writer.write(out, MOVIES, COLUMNS, results);

        AccuracyCounts metrics =
                AccuracyCounts.of(results.stream().map(RowResult::scored).toList());
        AccuracyCounts recounted = recount(read(out.toString()));

        assertEquals(metrics, recounted);
        assertEquals(
                new AccuracyCounts(7, new Proportion(2, 3), new Proportion(2, 3), new Proportion(1, 2), 1, 1, 2),
                metrics);
    }

    @Test
    void callersWriterIsFlushedButLeftOpen() throws Exception {
        StringWriter target = new StringWriter();
        BufferedWriter out = new BufferedWriter(target);

        writer.write(out, MOVIES, COLUMNS, List.of());
        out.write("still open");
        out.flush();

        assertEquals(
                "row,Title,Overview," + String.join(",", ResultsCsvWriter.RESULT_COLUMNS) + ","
                        + String.join(",", ResultsCsvWriter.REVIEW_COLUMNS) + ","
                        + String.join(",", ResultsCsvWriter.REASONING_COLUMNS) + "\r\nstill open",
                target.toString());
    }

    @Test
    void fileIsWrittenAsUtf8WithNothingElseLeftInTheFolder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.csv");
        StringWriter expected = new StringWriter();
        writer.write(expected, MOVIES, COLUMNS, results());

        writer.write(file, MOVIES, COLUMNS, results());

        assertEquals(expected.toString(), Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(List.of(file), list(dir));
    }

    @Test
    void failedExportKeepsTheEarlierFileAndLeavesNoPartialFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.csv");
        Files.writeString(file, "earlier export");

        assertThrows(
                IllegalArgumentException.class,
                () -> writer.write(file, MOVIES, List.of("Title", "Synopsis"), results()));

        assertEquals("earlier export", Files.readString(file));
        assertEquals(List.of(file), list(dir));
    }

    @Test
    void theHumanReviewGoesInItsOwnColumnsSpreadsheetSafe() throws Exception {
        ReviewLog review = new ReviewLog();
        review.label(1, false, "ana", Instant.parse("2024-05-01T10:15:30Z"));
        review.note(1, "=not sci-fi, a drama", "ana", Instant.parse("2024-05-01T10:16:00Z"));
        review.label(3, true, "ben", Instant.parse("2024-05-02T08:00:00Z"));
        review.togglePromoted(3);
        StringWriter out = new StringWriter();

        writer.write(out, MOVIES, COLUMNS, results(), review);

        List<String[]> lines = read(out.toString());
        List<String> header = List.of(lines.get(0));
        int first = header.indexOf("human_label");
        assertEquals(ResultsCsvWriter.REVIEW_COLUMNS, header.subList(first, first + 5));
        assertEquals(
                List.of("wrong", "'=not sci-fi, a drama", "ana", "2024-05-01T10:16:00Z", "false"),
                List.of(lines.get(2)).subList(first, first + 5));
        assertEquals("=not sci-fi, a drama", CsvCells.unescape(lines.get(2)[first + 1]));
        assertEquals(
                List.of("right", "", "ben", "2024-05-02T08:00:00Z", "true"),
                List.of(lines.get(4)).subList(first, first + 5));
        assertEquals(List.of("", "", "", "", "false"), List.of(lines.get(1)).subList(first, first + 5));
    }

    @Test
    void aVerdictOnAnEarlierRunsAnswerIsNotWrittenForTheRowsNewAnswer() throws Exception {
        ReviewLog review = new ReviewLog();
        Instant at = Instant.parse("2024-05-01T10:15:30Z");
        review.label(0, true, "ana", at, "Crime"); // the answer row 0 still has
        review.label(3, false, "ana", at, "Western"); // a run ago; row 3 now answers Drama
        StringWriter out = new StringWriter();

        writer.write(out, MOVIES, COLUMNS, results(), review);

        List<String[]> lines = read(out.toString());
        int first = List.of(lines.get(0)).indexOf("human_label");
        assertEquals("right", lines.get(1)[first]);
        assertEquals("", lines.get(4)[first], "row 3's verdict was on another answer");
    }

    @Test
    void formulaLikeCellsAreQuotedInTheFileAndReadBackUnchanged() throws Exception {
        Dataset risky = new Dataset(
                "risky.csv",
                List.of("Title", "-Score", "Genre"),
                List.of(
                        new String[] {"=HYPERLINK(\"http://evil\",\"click\")", "-1", "Drama"},
                        new String[] {"@SUM(A1:A9)", "'=already quoted", "Comedy"}));
        ColumnMapping mapping = new ColumnMapping(List.of("Title"), "Genre", ",");
        AnswerNormalizer normalizer = new AnswerNormalizer(LabelSet.fromTruth(risky, mapping));
        List<RowResult> results = List.of(
                RowResult.pending(0, mapping.truthLabels(risky, 0))
                        .withBase(StageOutcome.answered("- Drama", Usage.NONE), normalizer.normalize("- Drama")),
                RowResult.pending(1, mapping.truthLabels(risky, 1))
                        .withBase(StageOutcome.answered("+Comedy", Usage.NONE), normalizer.normalize("+Comedy")));
        StringWriter out = new StringWriter();

        writer.write(out, risky, List.of("Title", "-Score"), results);

        List<String[]> raw = read(out.toString());
        assertEquals("'-Score", raw.get(0)[2]);
        assertEquals("'=HYPERLINK(\"http://evil\",\"click\")", raw.get(1)[1]);
        assertEquals("-1", raw.get(1)[2], "a number, which nothing can run");
        assertEquals("'- Drama", raw.get(1)[4]);
        assertEquals("''=already quoted", raw.get(2)[2]);
        for (String[] line : raw) {
            for (String cell : line) {
                assertEquals(
                        false, cell.matches("(?s)^[=+\\-@\t\r].*") && !cell.matches("-[0-9]+"), "unsafe cell " + cell);
            }
        }
        List<String> firstRow =
                List.of(raw.get(1)).stream().map(CsvCells::unescape).toList();
        assertEquals(
                List.of("1", "=HYPERLINK(\"http://evil\",\"click\")", "-1", "Drama", "- Drama", "Drama"),
                firstRow.subList(0, 6));
        assertEquals("'=already quoted", CsvCells.unescape(raw.get(2)[2]));
        assertEquals(
                List.of("row", "Title", "-Score"),
                List.of(raw.get(0)).subList(0, 3).stream()
                        .map(CsvCells::unescape)
                        .toList());
    }

    /** Recounts the metrics from the file's columns alone, the way a spreadsheet user would. */
    private static AccuracyCounts recount(List<String[]> lines) {
        List<String> header = List.of(lines.get(0));
        int parsedBase = header.indexOf("base_parsed");
        int baseVsTruth = header.indexOf("base_vs_truth");
        int evaluation = header.indexOf("judge_evaluation");
        int judgeVsTruth = header.indexOf("judge_vs_truth");
        int error = header.indexOf("error");
        List<String[]> rows = lines.subList(1, lines.size());
        return new AccuracyCounts(
                rows.size(),
                new Proportion(
                        count(rows, evaluation, "Correct"),
                        count(rows, evaluation, "Correct") + count(rows, evaluation, "Incorrect")),
                new Proportion(
                        count(rows, baseVsTruth, "correct"),
                        count(rows, baseVsTruth, "correct") + count(rows, baseVsTruth, "wrong")),
                new Proportion(
                        count(rows, judgeVsTruth, "correct"),
                        count(rows, judgeVsTruth, "correct") + count(rows, judgeVsTruth, "wrong")),
                (int) count(rows, parsedBase, "false"),
                (int) count(rows, evaluation, "UNPARSED"),
                (int) rows.stream().filter(row -> !row[error].isEmpty()).count());
    }

    private static long count(List<String[]> rows, int column, String value) {
        return rows.stream().filter(row -> row[column].equals(value)).count();
    }

    private static List<String[]> read(String csv) throws IOException, CsvException {
        try (CSVReader reader = new CSVReader(new StringReader(csv))) {
            return reader.readAll();
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
