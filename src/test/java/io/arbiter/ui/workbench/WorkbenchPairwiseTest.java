package io.arbiter.ui.workbench;

import static io.arbiter.ui.workbench.WorkbenchRuns.offline;
import static io.arbiter.ui.workbench.WorkbenchRuns.provider;
import static io.arbiter.ui.workbench.WorkbenchRuns.runToItsRecordedEnd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.Samples;
import io.arbiter.core.project.Project;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.SecondBase;
import io.arbiter.core.run.Stage;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.offline.OfflineServer;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import io.arbiter.ui.importer.GradingChoice;
import io.arbiter.ui.importer.ImportViewModel;
import io.arbiter.ui.importer.PairSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench set up for pairwise judging: the pairwise sample judges its two answer columns; an import that
 * generates the pair answers B with prompt B on model B (the base model when empty); the run's spec, the progress bars'
 * names and the estimate follow; the project keeps the scheme and the second configuration and reopening restores
 * them.
 */
class WorkbenchPairwiseTest {

    @TempDir
    Path dir;

    private final List<WorkbenchViewModel> windows = new ArrayList<>();

    @AfterEach
    void shutdown() {
        windows.forEach(WorkbenchViewModel::shutdown);
    }

    @Test
    void thePairwiseSampleJudgesItsTwoAnswerColumnsInBothOrders() {
        WorkbenchViewModel model = window();
        model.datasetSetup().openPairwiseSample();

        assertEquals(PairwiseScheme.DEFAULT, model.prompts().scheme());
        assertEquals(PairwiseScheme.DEFAULT, model.results().scheme());
        assertEquals(List.of(), model.prompts().problems(), "{{answer_a}}, {{answer_b}} and {{reference}} are known");
        RunSpec spec = model.runCommands().specFor(offline());
        assertEquals("answer_a", spec.mapping().answerColumn());
        assertEquals("answer_b", spec.mapping().judgeColumns().answerB());
        assertEquals("human_preference", spec.mapping().judgeColumns().humanPreference());
        assertTrue(spec.secondBase().isEmpty(), "both answers are in the dataset");
        assertFalse(model.prompts().secondBase().inUseProperty().get(), "no prompt B tab for two columns");
        assertEquals(List.of(Stage.BASE, Stage.BASE_B, Stage.JUDGE, Stage.JUDGE_BA), spec.stages());
        assertEquals(
                Samples.text(Samples.PAIRWISE_BASE_PROMPT_B),
                model.prompts().secondBase().promptTextProperty().get(),
                "prompt B is ready for generating answer B instead");

        model.selectRow(model.results().allRows().get(0));
        assertTrue(
                model.prompts().judgePreviewProperty().get().contains("{{answer_b}}"),
                "the preview shows where answer B goes until the row has one");
    }

    @Test
    void anImportedGeneratedPairRunsPromptBAndTheProjectKeepsIt() throws Exception {
        Path csv = Files.writeString(
                dir.resolve("questions.csv"),
                "question,human_preference\nHow do I reset my router?,A\nCan I pause my plan?,tie\n");
        Path file = dir.resolve("pair.arbiter");
        try (OfflineServer server = OfflineServer.builder().port(0).start()) {
            WorkbenchViewModel model = window();
            model.providerChoice().useSettings(provider(server.baseUrl().toString(), 4));
            model.prompts().baseTextProperty().set("Answer the customer.\n[user]\n{{question}}");
            model.prompts().judgeTextProperty().set("Judge.\n[user]\n{{question}} {{base_answer}}");
            ImportViewModel dialog = model.datasetSetup().newImport();
            dialog.open(csv);
            dialog.grading().kindProperty().set(GradingChoice.Kind.PAIRWISE);
            assertEquals(
                    "human_preference", dialog.humanPreferenceColumnProperty().get(), "guessed by its name");
            dialog.pairSourceProperty().set(PairSource.GENERATED);
            assertEquals(
                    ImportViewModel.NONE,
                    dialog.humanPreferenceColumnProperty().get(),
                    "the file's preferences judged other answers than the run will generate");
            dialog.humanPreferenceColumnProperty().set("human_preference"); // these people judged this setup's
            dialog.importFile();

            assertEquals(PairwiseScheme.DEFAULT, model.prompts().scheme());
            assertTrue(
                    model.prompts().judgeTextProperty().get().contains("[[A]]"),
                    "a single-answer judge prompt gives way to an MT-Bench pairwise one");
            assertTrue(
                    model.statusProperty().get().contains("MT-Bench"),
                    model.statusProperty().get());
            assertTrue(model.prompts().secondBase().inUseProperty().get(), "prompt B is edited beside the base");
            assertEquals(
                    model.prompts().baseTextProperty().get(),
                    model.prompts().secondBase().promptTextProperty().get(),
                    "prompt B starts as the base prompt");
            assertEquals(List.of(), model.prompts().problems());
            model.prompts().secondBase().promptTextProperty().set("Answer in one sentence.\n[user]\n{{question}}");
            assertEquals(
                    PairSource.GENERATED,
                    model.datasetSetup().newImport().pairSourceProperty().get(),
                    "a new import starts from the pair as the workbench generates it");
            RunSpec spec = model.runCommands().specFor(offline());
            assertNull(spec.mapping().answerColumn(), "the run answers A itself");
            assertEquals(
                    new SecondBase(
                            "offline-demo-base",
                            new io.arbiter.core.prompt.PromptTemplate("Answer in one sentence.\n[user]\n{{question}}")),
                    spec.secondBase().orElseThrow(),
                    "model B left empty is the base model");

            model.projects().newProject(file).join();
            runToItsRecordedEnd(model);
            assertEquals("Base (A and B)", model.run().baseTitleProperty().get());
            assertEquals("Judge (both orders)", model.run().judgeTitleProperty().get());
            assertNotNull(model.results().allRows().get(0).result().answerB(), "answer B was generated");
            model.prompts().secondBase().modelProperty().set("offline-demo-judge");
            assertTrue(model.projects().unsavedChanges().contains("the provider"), "model B is part of the setup");
            model.prompts().secondBase().modelProperty().set("");
            model.shutdown();
            try (Project project = Project.open(file)) {
                assertEquals(PairwiseScheme.DEFAULT, project.currentScheme().orElseThrow());
                assertEquals(spec.secondBase(), project.secondBase());
            }

            WorkbenchViewModel reopened = window();
            reopened.projects().openProject(file).join();
            assertEquals(PairwiseScheme.DEFAULT, reopened.prompts().scheme(), "the project's grading comes back");
            assertEquals(
                    "Answer in one sentence.\n[user]\n{{question}}",
                    reopened.prompts().secondBase().promptTextProperty().get());
            assertEquals("", reopened.prompts().secondBase().modelProperty().get(), "the base model shows empty");
            assertEquals(
                    spec.secondBase(), reopened.runCommands().specFor(offline()).secondBase());

            Path plain = dir.resolve("plain.arbiter");
            try (Project project = Project.open(plain)) {
                project.saveScheme(io.arbiter.core.scheme.JudgeSchemes.DEFAULT);
            }
            reopened.projects().openProject(plain).join();
            assertEquals(
                    "",
                    reopened.prompts().secondBase().promptTextProperty().get(),
                    "a project without a pair leaves no other project's prompt B behind");
        }
    }

    @Test
    void aPairOverColumnsNeedsBothAndOneOrderHalvesTheJudgeRequests() throws Exception {
        Path csv = Files.writeString(
                dir.resolve("answers.csv"), "question,first,second\nReset?,Hold the button.,Unplug it.\n");
        WorkbenchViewModel model = window();
        ImportViewModel dialog = model.datasetSetup().newImport();
        dialog.open(csv);
        dialog.grading().kindProperty().set(GradingChoice.Kind.PAIRWISE);
        assertFalse(dialog.canImportProperty().get());
        assertTrue(dialog.pairProblemProperty().get().contains("answer A and answer B"));
        dialog.answerColumnProperty().set("first");
        dialog.answerBColumnProperty().set("first");
        assertTrue(dialog.pairProblemProperty().get().contains("two different columns"));
        dialog.answerBColumnProperty().set("second");
        dialog.grading().bothOrdersProperty().set(false);
        assertTrue(dialog.canImportProperty().get());
        dialog.importFile();

        assertEquals(new PairwiseScheme(false), model.prompts().scheme());
        RunSpec spec = model.runCommands().specFor(offline());
        assertEquals(List.of(Stage.BASE, Stage.BASE_B, Stage.JUDGE), spec.stages());
        assertEquals("second", spec.mapping().judgeColumns().answerB());
        assertTrue(
                model.statusProperty().get().contains("columns first and second"),
                model.statusProperty().get());
    }

    @Test
    void aPreferenceNoOneCanReadStopsTheRunAndSaysWhere() throws Exception {
        Path csv = Files.writeString(
                dir.resolve("prefs.csv"),
                "question,answer_a,answer_b,human_preference\nReset?,Unplug it.,Hold it.,A\nPause?,Yes.,No.,maybe\n");
        WorkbenchViewModel model = window();
        ImportViewModel dialog = model.datasetSetup().newImport();
        dialog.open(csv);
        dialog.grading().kindProperty().set(GradingChoice.Kind.PAIRWISE);
        dialog.importFile();

        model.runCommands().startRun();

        String message = model.run().messageProperty().get();
        assertTrue(message.startsWith("Cannot run: Row 2 of prefs.csv") && message.contains("maybe"), message);
    }

    private WorkbenchViewModel window() {
        WorkbenchViewModel model = new WorkbenchViewModel(new SameThreadTaskExecutor());
        windows.add(model);
        return model;
    }
}
