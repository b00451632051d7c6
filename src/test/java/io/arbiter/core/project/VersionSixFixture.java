package io.arbiter.core.project;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.prompt.FewShotExample;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.Stage;
import io.arbiter.core.store.StoredResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Wrote {@code src/test/resources/fixtures/project-v6.arbiter} once, with the code of project format 6, the last
 * before runs recorded their grading scheme: a dataset of four rows, a whole run with row 1 promoted as a worked
 * example, and a later draft on rows 2 and 3. Kept to show how it was made; running it now would write the current
 * format, so do not regenerate the fixture.
 */
final class VersionSixFixture {

    static final String SHA = "fixture-v6-rows";
    static final List<String> COLUMNS = List.of("Title", "Overview", "Genre");
    static final Dataset ROWS = new Dataset(
            "movies.csv",
            COLUMNS,
            List.of(
                    new String[] {"Dust Road", "A sheriff rides across the frontier.", "Western"},
                    new String[] {"Quiet Harbor", "A widow reopens her late husband's inn.", "Drama"},
                    new String[] {"Wrong Number", "Two strangers keep calling each other.", "Comedy"},
                    new String[] {"Cold Case", "A detective reopens a murder file.", "Crime"}));
    static final ColumnMapping MAPPING = new ColumnMapping(List.of("Overview"), "Genre", ",", null, java.util.Map.of());
    static final String BASE = "Name the genre of: {{Overview}} from {{labels}}";
    static final String JUDGE = "Judge {{base_answer}} for {{Overview}}; reply Prediction,Evaluation\n{{examples}}";
    static final Instant REVIEWED = Instant.parse("2026-12-02T12:00:00Z");

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Files.deleteIfExists(file);
        try (Project project = Project.open(file)) {
            project.saveDataset(ROWS, "/data/movies.csv", SHA);
            project.saveMapping(MAPPING);
            project.savePrompts(BASE, JUDGE);
            ProviderProfile profile = new ProviderProfile(
                    "Offline demo model", "offline", null, "offline-demo-base", "offline-demo-judge", 0, 256, 16);
            project.saveProvider(profile);
            project.saveVerdict(1, new HumanVerdict(true, "", "reviewer", REVIEWED, "Drama"));
            project.setPromoted(1, true);
            RunSpec whole = RunSpec.of(ROWS, MAPPING, PromptPair.of(BASE, JUDGE), profile)
                    .withExamples(List.of(new FewShotExample(1, "Drama", true, "Drama")));
            record(project, whole, new String[] {"Western", "Drama", "Drama", "Crime"}, new String[] {
                "Western,Correct", "Drama,Correct", "Comedy,Incorrect", "Crime,Correct"
            });
            RunSpec draft = whole.withSelection(List.of(2, 3));
            record(project, draft, new String[] {null, null, "Comedy", "Drama"}, new String[] {
                null, null, "Comedy,Correct", "no idea"
            });
        }
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                var statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            statement.execute("PRAGMA journal_mode = DELETE"); // one self-contained file in the repository
        }
    }

    private static void record(Project project, RunSpec spec, String[] answers, String[] verdicts) {
        long run = project.store().createRun("{\"fixture\":6,\"rows\":" + spec.rows() + "}");
        project.describeRun(run, spec, SHA, "realtime");
        for (int row : spec.rows()) {
            project.store()
                    .recordResponse(new StoredResponse(
                            run, Stage.BASE, row, answers[row], null, new Usage(20, 1), "b" + run + "-" + row));
            project.store()
                    .recordResponse(new StoredResponse(
                            run, Stage.JUDGE, row, verdicts[row], null, new Usage(30, 2), "j" + run + "-" + row));
        }
        List<RowResult> rows =
                spec.rows().stream().map(row -> project.rows(run).get(row)).toList();
        project.finishRun(
                run,
                new RunOutcome(
                        rows,
                        AccuracyCounts.of(rows.stream().map(RowResult::scored).toList()),
                        new Usage(20L * rows.size(), rows.size()),
                        new Usage(30L * rows.size(), 2L * rows.size()),
                        RunOutcome.Status.COMPLETED,
                        null),
                null);
    }

    private VersionSixFixture() {}
}
