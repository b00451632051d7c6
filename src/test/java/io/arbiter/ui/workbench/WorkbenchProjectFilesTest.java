package io.arbiter.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.project.Project;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RunMode;
import io.arbiter.core.run.StageOutcome;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import io.arbiter.ui.results.ResultsTableRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** New, Open, Save as and Open recent without a window: what goes to which file, and what is refused. */
class WorkbenchProjectFilesTest {

    @TempDir
    Path dir;

    private final WorkbenchViewModel model = new WorkbenchViewModel(new SameThreadTaskExecutor());

    @AfterEach
    void shutdown() {
        model.shutdown();
    }

    @Test
    void aFileThatIsNotAProjectIsRefusedAndChangesNothing() throws Exception {
        model.datasetSetup().openSample();
        Path notes = dir.resolve("notes.arbiter");
        Files.writeString(notes, "just some text");
        String prompt = model.prompts().baseTextProperty().get();

        model.projects().openProject(notes).join();

        assertTrue(
                model.statusProperty().get().contains("is not an Arbiter project"),
                model.statusProperty().get());
        assertEquals("just some text", Files.readString(notes));
        assertNull(model.projects().projectFile());
        assertEquals(
                WorkbenchViewModel.APP_TITLE, model.projects().titleProperty().get());
        assertEquals(prompt, model.prompts().baseTextProperty().get());
        assertTrue(model.projects().recentProjects().isEmpty());
    }

    @Test
    void aNewProjectHoldsTheCurrentSetupAndSaveAsCarriesItOver() throws Exception {
        model.datasetSetup().openSample();
        Path first = dir.resolve("first.arbiter");
        model.projects().newProject(first).join();
        assertEquals(first.toAbsolutePath(), model.projects().projectFile());
        assertTrue(
                model.projects().titleProperty().get().startsWith("first.arbiter"),
                model.projects().titleProperty().get());

        Path second = dir.resolve("second.arbiter");
        model.projects().saveProjectAs(second).join();
        assertEquals(second.toAbsolutePath(), model.projects().projectFile());
        assertEquals(
                List.of(
                        second.toAbsolutePath().normalize(),
                        first.toAbsolutePath().normalize()),
                model.projects().recentProjects());
        try (Project copy = Project.open(second)) {
            assertEquals(
                    model.datasetProperty().get().size(),
                    copy.dataset().orElseThrow().size());
            assertEquals(
                    model.prompts().judgeTextProperty().get(),
                    copy.prompts().orElseThrow().judgeText());
        }

        model.projects().newProject(first).join();
        assertTrue(
                model.statusProperty().get().contains("already exists"),
                model.statusProperty().get());
        assertEquals(second.toAbsolutePath(), model.projects().projectFile());
    }

    @Test
    void promptEditsAreUnsavedUntilSavedAndClosingWithoutSavingLeavesTheFileAsItWas() throws Exception {
        model.datasetSetup().openSample();
        Path file = dir.resolve("kept.arbiter");
        model.projects().newProject(file).join();
        String original = model.prompts().judgeTextProperty().get();
        assertEquals(List.of(), model.projects().unsavedChanges());
        model.prompts().judgeTextProperty().set(original + "\nBe strict about capitals.");
        assertEquals(List.of("the prompts"), model.projects().unsavedChanges());

        model.shutdown(); // the window asked first; "Don't save" must not save

        try (Project reopened = Project.open(file)) {
            assertEquals(original, reopened.prompts().orElseThrow().judgeText());
        }
    }

    @Test
    void changingOnlyWhoElseJudgesIsUnsavedUntilSaved() throws Exception {
        model.datasetSetup().openSample();
        Path file = dir.resolve("jury.arbiter");
        model.projects().newProject(file).join();
        assertEquals(List.of(), model.projects().unsavedChanges());

        model.providerChoice().alsoJudgedByProperty().set("offline-demo-judge-2");

        assertEquals(List.of("the jury"), model.projects().unsavedChanges());
        assertTrue(
                model.projects().titleProperty().get().startsWith("jury.arbiter *"),
                model.projects().titleProperty().get());
        assertTrue(model.projects().saveProject().join());
        assertEquals(List.of(), model.projects().unsavedChanges());
        assertFalse(
                model.projects().titleProperty().get().contains("*"),
                model.projects().titleProperty().get());

        model.providerChoice().repeatsProperty().set(3);
        assertEquals(List.of("the jury"), model.projects().unsavedChanges(), "repeats are the jury's too");
        model.providerChoice().repeatsProperty().set(1);
        assertEquals(List.of(), model.projects().unsavedChanges(), "back as saved");
        try (Project kept = Project.open(file)) {
            assertEquals(
                    List.of("offline-demo-judge-2"), kept.panel().orElseThrow().otherJurors());
        }
    }

    @Test
    void saveWritesTheSetupOnScreenIntoTheOpenProject() throws Exception {
        model.datasetSetup().openSample();
        assertEquals(false, model.projects().saveProject().join(), "no project: nothing to save into");
        Path file = dir.resolve("saved.arbiter");
        model.projects().newProject(file).join();
        String edited = model.prompts().judgeTextProperty().get() + "\nBe strict about capitals.";
        model.prompts().judgeTextProperty().set(edited);
        model.providerChoice().judgeModelProperty().set("judge-two");
        model.providerChoice().concurrencyProperty().set(3);
        model.providerChoice().modeProperty().set(RunMode.BATCH);
        model.labels()
                .rename(
                        model.labels().labels().get(1).label(),
                        model.labels().labels().get(0).label());
        assertEquals(
                List.of("the prompts", "the provider"), model.projects().unsavedChanges(), "a rename is kept at once");

        assertTrue(model.projects().saveProject().join());

        assertEquals(List.of(), model.projects().unsavedChanges());
        assertTrue(
                model.statusProperty().get().startsWith("Saved saved.arbiter"),
                model.statusProperty().get());
        try (Project kept = Project.open(file)) {
            assertEquals(edited, kept.prompts().orElseThrow().judgeText());
            assertEquals("judge-two", kept.provider().orElseThrow().judgeModel());
            assertEquals(
                    WorkbenchProject.OFFLINE, kept.provider().orElseThrow().baseUrl(), "never a port that is gone");
            assertEquals(3, kept.runOptions().path("concurrency").asInt());
            assertEquals("batch", kept.runOptions().path("mode").asText());
            assertEquals(1, kept.mapping().orElseThrow().labelRenames().size());
        }
        model.shutdown();

        WorkbenchViewModel reopened = new WorkbenchViewModel(new SameThreadTaskExecutor());
        try {
            reopened.projects().openProject(file).join();
            assertEquals(edited, reopened.prompts().judgeTextProperty().get());
            assertEquals(
                    "judge-two", reopened.providerChoice().judgeModelProperty().get());
            assertEquals(List.of(), reopened.projects().unsavedChanges(), "what was opened is what the project holds");
            reopened.results().reviewing().label(reopened.results().allRows().get(0), true);
            assertEquals(List.of(), reopened.projects().unsavedChanges(), "reviews are kept as they happen");
        } finally {
            reopened.shutdown();
        }
    }

    @Test
    void verdictsAndPromotionsAreWrittenThroughAndComeBackWithTheProject() throws Exception {
        model.datasetSetup().openSample();
        Path file = dir.resolve("reviewed.arbiter");
        model.projects().newProject(file).join();
        model.useHeldOutShare(0).join(); // every row promotable: HeldOutRowsTest holds rows out
        var rows = model.results().allRows();
        model.results().reviewing().label(rows.get(0), true); // no base answer yet: refused, nothing kept
        assertEquals(0, model.review().size());
        answerEveryRow(model);
        model.results().reviewing().label(rows.get(2), true);
        model.results().reviewing().label(rows.get(4), false);
        model.results().reviewing().togglePromoted(rows.get(4));
        model.results().reviewing().label(rows.get(5), true);
        model.results().reviewing().undo(); // cleared again: the file must not keep it
        try (Project kept = Project.open(file)) {
            assertEquals(List.of(2, 4), List.copyOf(kept.verdicts().keySet()), "written as they happen");
            assertEquals(List.of(4), kept.promotedRows());
        }
        model.shutdown();

        WorkbenchViewModel reopened = new WorkbenchViewModel(new SameThreadTaskExecutor());
        try {
            reopened.projects().openProject(file).join();
            assertEquals(2, reopened.review().size());
            assertTrue(reopened.review().verdict(2).orElseThrow().baseRight());
            assertFalse(reopened.review().verdict(4).orElseThrow().baseRight());
            assertEquals(List.of(4), reopened.review().promotedRows());
            // A verdict shows on the answer it was given on: here the answers were put in by hand, not by a run the
            // project kept, so they are put back the same way.
            assertNull(reopened.results().allRows().get(4).human());
            answerEveryRow(reopened);
            ResultsTableRow promoted = reopened.results().allRows().get(4);
            assertEquals("wrong", promoted.human().label());
            assertTrue(promoted.promoted(), "the table shows the example");
            assertEquals(
                    List.of(4),
                    reopened.prompts().examples().stream().map(e -> e.row()).toList(),
                    "the promoted row goes back into {{examples}}");

            reopened.results()
                    .reviewing()
                    .togglePromoted(reopened.results().allRows().get(4));
            reopened.results().reviewing().note(reopened.results().allRows().get(2), "checked twice");
        } finally {
            reopened.shutdown();
        }
        try (Project kept = Project.open(file)) {
            assertEquals(List.of(), kept.promotedRows());
            assertEquals("checked twice", kept.verdicts().get(2).note(), "changes after reopening are kept too");
        }
    }

    @Test
    void labelRenamesComeBackWithTheProjectAndChangesAreKept() throws Exception {
        model.datasetSetup().openSample();
        Path file = dir.resolve("renamed.arbiter");
        model.projects().newProject(file).join();
        String merged = model.labels().labels().get(1).label();
        String into = model.labels().labels().get(0).label();
        int total = model.labels().labels().get(0).count()
                + model.labels().labels().get(1).count();
        model.labels().rename(merged, into);
        model.shutdown();

        WorkbenchViewModel reopened = new WorkbenchViewModel(new SameThreadTaskExecutor());
        try {
            reopened.projects().openProject(file).join();
            assertEquals(java.util.Map.of(merged, into), reopened.labels().renames());
            assertEquals(
                    java.util.Map.of(merged, into),
                    reopened.datasetSetup().mapping().labelRenames());
            assertEquals(
                    merged + " → " + into,
                    reopened.labels().renamesTextProperty().get());
            assertEquals(into, reopened.labels().labels().get(0).label());
            assertEquals(total, reopened.labels().labels().get(0).count(), "the truth is read merged");
            assertTrue(
                    reopened.labels().labels().stream().noneMatch(l -> l.label().equals(merged)));

            reopened.labels().resetRenames();
        } finally {
            reopened.shutdown();
        }
        try (Project kept = Project.open(file)) {
            assertEquals(java.util.Map.of(), kept.mapping().orElseThrow().labelRenames(), "undoing them is kept too");
            assertEquals(
                    List.of(model.datasetSetup().inputColumnProperty().get()),
                    kept.mapping().orElseThrow().inputColumns());
        }
    }

    @Test
    void aSavedWorkbenchProjectReRunsHeadlessWithItsModeAndConcurrency() throws Exception {
        model.datasetSetup().openSample();
        Path file = dir.resolve("headless.arbiter");
        model.projects().newProject(file).join();
        model.providerChoice().concurrencyProperty().set(3);
        model.providerChoice().modeProperty().set(RunMode.BATCH);
        assertTrue(model.projects().saveProject().join());
        model.shutdown();

        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int status = io.arbiter.cli.ArbiterCli.execute(
                new String[] {"run", "--project", file.toString(), "--poll-seconds", "0.05", "--json"},
                new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(err, true));

        assertEquals(0, status, err.toString());
        try (Project kept = Project.open(file)) {
            var run = kept.runs().get(0).record();
            assertTrue(run.parametersJson().contains("\"mode\":\"batch\""), run.parametersJson());
            assertEquals(3, kept.provider().orElseThrow().concurrency());
            assertEquals(
                    model.datasetProperty().get().size(), kept.rows(run.id()).size());
        }
    }

    @Test
    void saveNeverWritesWhatLooksLikeAKeyInPlaceOfItsVariable() throws Exception {
        model.datasetSetup().openSample();
        Path file = dir.resolve("keyless.arbiter");
        model.projects().newProject(file).join();
        String pasted = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789";
        model.providerChoice()
                .useSettings(new io.arbiter.core.llm.ProviderSettings(
                        "Pasted",
                        "https://api.example.test/v1",
                        pasted,
                        "b",
                        "j",
                        0,
                        256,
                        null,
                        4,
                        0,
                        0,
                        false,
                        null,
                        null,
                        null,
                        null));

        assertTrue(model.projects().saveProject().join());
        model.shutdown();

        try (Project kept = Project.open(file)) {
            assertEquals("Pasted", kept.provider().orElseThrow().name());
            assertNull(kept.provider().orElseThrow().apiKeyEnv());
        }
        for (Path part : List.of(file, file.resolveSibling(file.getFileName() + "-wal"))) {
            if (Files.exists(part)) {
                assertFalse(
                        new String(Files.readAllBytes(part), java.nio.charset.StandardCharsets.ISO_8859_1)
                                .contains(pasted),
                        part.toString());
            }
        }
    }

    @Test
    void aRunRecordsItsConcurrencyAndTheOfflineDemoByName() throws Exception {
        model.datasetSetup().openSample();
        var profile = io.arbiter.core.llm.ProviderPreset.OFFLINE.profile("http://127.0.0.1:1/v1", "b", "j", 7);
        try (Project project = Project.open(dir.resolve("run.arbiter"))) {
            new WorkbenchProject()
                    .begin(
                            project,
                            model.runCommands().specFor(profile),
                            "Offline demo model",
                            WorkbenchProject.OFFLINE,
                            RunMode.REALTIME);
            assertEquals(
                    WorkbenchProject.OFFLINE, project.provider().orElseThrow().baseUrl(), "not a port that is gone");
            assertEquals(7, project.runOptions().path("concurrency").asInt());
            assertEquals("realtime", project.runOptions().path("mode").asText());
        }
    }

    @Test
    void showingARunOfAnotherDatasetBringsThatDatasetsReviewWithIt() throws Exception {
        model.datasetSetup().openSample();
        var profile = io.arbiter.core.llm.ProviderPreset.OFFLINE.profile("http://127.0.0.1:1/v1", "b", "j", 2);
        var rows = model.datasetProperty().get();
        try (Project project = Project.open(dir.resolve("shown.arbiter"))) {
            WorkbenchProject session = new WorkbenchProject();
            long runId = session.begin(
                            project,
                            model.runCommands().specFor(profile),
                            "Offline demo model",
                            WorkbenchProject.OFFLINE,
                            RunMode.REALTIME)
                    .runId();
            var verdict = new io.arbiter.core.review.HumanVerdict(false, "", "ana", java.time.Instant.EPOCH);
            session.keepVerdict(project, rows, 2, verdict);

            assertNull(session.show(project, runId, rows).review(), "the review on screen is already this one");
            var elsewhere = new WorkbenchProject().show(project, runId, null);
            assertEquals(java.util.Map.of(2, verdict), elsewhere.review().verdicts());
        }
    }

    /** Fills every row with a base answer, as a finished run would, so rows can be reviewed. */
    private static void answerEveryRow(WorkbenchViewModel workbench) {
        List<RowResult> answered = new ArrayList<>();
        for (ResultsTableRow row : workbench.results().allRows()) {
            String truth = row.result().truth().get(0);
            answered.add(row.result().withBase(StageOutcome.answered(truth, Usage.NONE), new BaseAnswer(truth, truth)));
        }
        workbench
                .results()
                .finish(
                        answered,
                        AccuracyCounts.of(
                                answered.stream().map(RowResult::scored).toList()));
    }

    @Test
    void theRecentListKeepsTheLastEightNewestFirst() throws Exception {
        RecentProjects recent = RecentProjects.inDirectory(dir.resolve("config"));
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            paths = recent.add(paths, dir.resolve("p" + i + ".arbiter"));
        }
        paths = recent.add(paths, dir.resolve("p5.arbiter"));
        List<Path> loaded = recent.load();
        assertEquals(paths, loaded);
        assertEquals(RecentProjects.LIMIT, loaded.size());
        assertEquals(dir.resolve("p5.arbiter").toAbsolutePath().normalize(), loaded.get(0));
        assertEquals(dir.resolve("p9.arbiter").toAbsolutePath().normalize(), loaded.get(1));
        assertEquals(
                1,
                loaded.stream()
                        .filter(p -> p.getFileName().toString().equals("p5.arbiter"))
                        .count());
    }
}
