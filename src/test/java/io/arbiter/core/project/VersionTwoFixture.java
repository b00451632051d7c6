package io.arbiter.core.project;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.AccuracyCounts;
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
 * Wrote {@code src/test/resources/fixtures/project-v2.arbiter} once, with the code of project format 2 (a dataset
 * copy, mapping with a label rename, prompts, provider, one finished run, a human verdict and a promoted row), so
 * later formats are tested against a file an older Arbiter really saved. Kept to show how it was made; running it
 * now would write the current format, so do not regenerate the fixture.
 */
final class VersionTwoFixture {

    static final String SHA = "fixture-v2-rows";
    static final List<String> COLUMNS = List.of("Title", "Overview", "Genre");
    static final Dataset ROWS = new Dataset(
            "movies.csv",
            COLUMNS,
            List.of(
                    new String[] {"Dust Road", "A sheriff rides across the frontier.", "Western"},
                    new String[] {"Quiet Harbor", "A widow reopens her late husband's inn.", "Drama"},
                    new String[] {"Wrong Number", "Two strangers keep calling each other.", "comedy"}));
    static final ColumnMapping MAPPING =
            new ColumnMapping(List.of("Overview"), "Genre", ",", null, java.util.Map.of("comedy", "Comedy"));
    static final String BASE = "Name the genre of: {{Overview}} from {{labels}}";
    static final String JUDGE = "Judge {{base_answer}} for {{Overview}}; reply Prediction,Evaluation";
    static final Instant REVIEWED = Instant.parse("2026-11-22T12:00:00Z");

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
            RunSpec spec = RunSpec.of(ROWS, MAPPING, PromptPair.of(BASE, JUDGE), profile);
            long run = project.store().createRun("{\"fixture\":2}");
            project.describeRun(run, spec, SHA, "realtime");
            String[] answers = {"Western", "Drama", "Drama"};
            String[] verdicts = {"Western,Correct", "Drama,Correct", "Comedy,Incorrect"};
            for (int row = 0; row < 3; row++) {
                project.store()
                        .recordResponse(new StoredResponse(
                                run, Stage.BASE, row, answers[row], null, new Usage(20, 1), "b" + row));
                project.store()
                        .recordResponse(new StoredResponse(
                                run, Stage.JUDGE, row, verdicts[row], null, new Usage(30, 2), "j" + row));
            }
            List<RowResult> rows = project.rows(run);
            project.finishRun(
                    run,
                    new RunOutcome(
                            rows,
                            AccuracyCounts.of(
                                    rows.stream().map(RowResult::scored).toList()),
                            new Usage(60, 3),
                            new Usage(90, 6),
                            RunOutcome.Status.COMPLETED,
                            null),
                    null);
            project.saveVerdict(2, new HumanVerdict(false, "it is a comedy", "reviewer", REVIEWED));
            project.saveVerdict(1, new HumanVerdict(true, "", "reviewer", REVIEWED));
            project.setPromoted(1, true);
        }
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                var statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            statement.execute("PRAGMA journal_mode = DELETE"); // one self-contained file in the repository
        }
    }

    private VersionTwoFixture() {}
}
