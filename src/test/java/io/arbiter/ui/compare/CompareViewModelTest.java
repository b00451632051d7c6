package io.arbiter.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.Samples;
import io.arbiter.core.llm.OpenAiChatClient;
import io.arbiter.core.metrics.TruthMatch;
import io.arbiter.core.project.PairedFigures;
import io.arbiter.core.project.Project;
import io.arbiter.core.prompt.PromptDiff;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RunEngine;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.store.ProjectRunLedger;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.offline.OfflineProvider;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareViewModelTest {

    private static final String STRICT = "Be strict. ";

    @TempDir
    Path dir;

    private Project project;
    private final List<Object[]> shown = new ArrayList<>();
    private final CompareViewModel model = new CompareViewModel(
            new SameThreadTaskExecutor(),
            (runB, flipped, description, row) -> shown.add(new Object[] {runB, flipped, description, row}));

    @BeforeEach
    void openProject() throws Exception {
        project = Project.open(dir.resolve("compare.arbiter"));
    }

    @AfterEach
    void closeProject() {
        project.close();
    }

    @Test
    void oneRunIsNotEnoughToCompare() throws Exception {
        recordRun("");
        model.useProject(project);

        assertEquals(
                "Compare needs two runs; this project has 1.",
                model.messageProperty().get());
        assertTrue(model.deltas().isEmpty());
        assertNull(model.judgeDiffProperty().get());
    }

    @Test
    void theTwoLatestRunsAreComparedWithTheJudgePromptChangeMarked() throws Exception {
        long lenient = recordRun("");
        long strict = recordRun(STRICT);
        model.useProject(project);

        assertEquals(lenient, model.runAProperty().get().id());
        assertEquals(strict, model.runBProperty().get().id());
        PromptDiff judge = model.judgeDiffProperty().get();
        assertEquals(
                List.of(new PromptDiff.Segment(PromptDiff.Kind.ADDED, STRICT)),
                judge.segments().stream()
                        .filter(s -> s.kind() != PromptDiff.Kind.SAME)
                        .toList());
        assertTrue(model.baseDiffProperty().get().unchanged());
        assertEquals(
                "Same models, parameters and dataset.", model.settingsProperty().get());
        assertEquals("run 1 (A) → run 2 (B)", model.messageProperty().get());
    }

    @Test
    void deltasMcNemarAndFlipsAreTheCoreComparisonsNumbers() throws Exception {
        long lenient = recordRun("");
        long strict = recordRun(STRICT);
        model.useProject(project);
        PairedFigures expected = project.compare(lenient, strict);

        assertEquals(expected.deltas().stream().map(DeltaLine::of).toList(), model.deltas());
        assertEquals(
                expected.flips().stream().map(PairedFigures.Flip::row).toList(),
                model.flips().stream().map(FlipLine::row).toList());
        assertFalse(model.flips().isEmpty(), "a strict judge rejects runner-up genres it accepted before");
        // Strictness only takes acceptances away.
        assertTrue(model.flips().stream()
                .allMatch(f -> f.verdictA().equals("Correct") && f.verdictB().equals("Incorrect")));
        // The core marks each flip now right or now wrong as the screen does: the CLI prints the core's.
        for (int i = 0; i < expected.flips().size(); i++) {
            String core = expected.flips().get(i).reading();
            assertTrue(!core.isEmpty(), "every base answer stayed, so each flip changed rightness");
            assertEquals(
                    core,
                    model.flips().get(i).reading(),
                    "row " + expected.flips().get(i).row());
        }
        assertTrue(model.mcnemarProperty().get().startsWith("Is B's judge more accurate?"));
        assertEquals(
                ComparisonText.mcnemarText(expected), model.mcnemarProperty().get());
        assertTrue(
                model.mcnemarProperty().get().contains(expected.flips().size() + " went Correct → Incorrect, 0 "),
                model.mcnemarProperty().get());

        // B's reading recomputed here from the rows: the truth says whether the base answer was right.
        List<RowResult> rowsB = project.rows(strict);
        int nowRight = 0;
        int nowWrong = 0;
        for (FlipLine flip : model.flips()) {
            RowResult row = rowsB.get(flip.row());
            TruthMatch truth = TruthMatch.ofBase(row.truth(), row.baseAnswer());
            boolean bRight = (row.verdict().evaluation() == Evaluation.CORRECT) == (truth == TruthMatch.RIGHT);
            assertEquals(bRight ? "now right" : "now wrong", flip.reading(), "row " + flip.row());
            nowRight += bRight ? 1 : 0;
            nowWrong += bRight ? 0 : 1;
            assertEquals(String.join(", ", row.truth()), flip.truth());
            assertEquals(
                    Samples.movies()
                            .value(flip.row(), Samples.movies().columns().indexOf(Samples.MOVIES_INPUT_COLUMN))
                            .strip()
                            .replaceAll("\\s+", " ")
                            .substring(0, 20),
                    flip.input().substring(0, 20));
        }
        assertTrue(
                model.flipsSummaryProperty()
                        .get()
                        .startsWith(model.flips().size() + " rows flipped: " + nowRight + " now agree"),
                model.flipsSummaryProperty().get());
        assertTrue(model.flipsSummaryProperty().get().contains(nowWrong + " now disagree"));
    }

    @Test
    void aFlipIsShownInRunBWithOnlyTheFlippedRows() throws Exception {
        recordRun("");
        long strict = recordRun(STRICT);
        model.useProject(project);
        FlipLine flip = model.flips().get(0);

        model.showFlip(flip);
        model.showAllFlips();

        assertEquals(2, shown.size());
        assertEquals(strict, shown.get(0)[0]);
        assertEquals(
                Set.copyOf(model.flips().stream().map(FlipLine::row).toList()), Set.copyOf((Set<?>) shown.get(0)[1]));
        assertEquals(flip.row(), shown.get(0)[3]);
        assertEquals(-1, shown.get(1)[3]);
        assertEquals("rows whose verdict flipped from run 1 to run 2", shown.get(0)[2]);
    }

    @Test
    void swappingComparesTheOtherWay() throws Exception {
        long lenient = recordRun("");
        long strict = recordRun(STRICT);
        model.useProject(project);
        int flips = model.flips().size();

        model.swap();

        assertEquals(strict, model.runAProperty().get().id());
        assertEquals(lenient, model.runBProperty().get().id());
        assertEquals(flips, model.flips().size());
        assertTrue(model.flips().stream().allMatch(f -> f.verdictB().equals("Correct")));
        assertEquals(
                List.of(new PromptDiff.Segment(PromptDiff.Kind.REMOVED, STRICT)),
                model.judgeDiffProperty().get().segments().stream()
                        .filter(s -> s.kind() != PromptDiff.Kind.SAME)
                        .toList());
    }

    @Test
    void choosingAnotherRunComparesIt() throws Exception {
        long first = recordRun("");
        recordRun(STRICT);
        long third = recordRun("");
        model.useProject(project);
        assertFalse(model.flips().isEmpty(), "strict (2) against lenient (3)");

        model.runAProperty()
                .set(model.choices().stream()
                        .filter(c -> c.id() == first)
                        .findFirst()
                        .orElseThrow());

        assertEquals(third, model.runBProperty().get().id());
        assertTrue(model.flips().isEmpty(), "the same prompts give the same verdicts");
        assertEquals(
                "No verdict flipped between the two runs.",
                model.flipsSummaryProperty().get());
    }

    @Test
    void theSameRunOnBothSidesIsNotAComparison() throws Exception {
        long first = recordRun("");
        recordRun(STRICT);
        model.useProject(project);

        model.runBProperty()
                .set(model.choices().stream()
                        .filter(c -> c.id() == first)
                        .findFirst()
                        .orElseThrow());

        assertEquals(
                "A and B are the same run: choose another for one side.",
                model.messageProperty().get());
        assertTrue(model.deltas().isEmpty());
        assertTrue(model.flips().isEmpty());
    }

    @Test
    void anotherProjectStartsFromItsOwnLatestTwoRuns() throws Exception {
        long first = recordRun("");
        recordRun(STRICT);
        long third = recordRun("");
        model.useProject(project);
        model.compare(first, third);

        try (Project other = Project.open(dir.resolve("other.arbiter"))) {
            Project kept = project;
            project = other;
            recordRun("");
            recordRun("");
            recordRun(STRICT);
            model.useProject(other);
            project = kept;
        }

        assertEquals(2, model.runAProperty().get().id(), "not run 1, which was chosen in the other project");
        assertEquals(3, model.runBProperty().get().id());
    }

    @Test
    void aNewRunIsComparedWithTheOneBeforeItUnlessThePairWasPinned() throws Exception {
        recordRun("");
        recordRun(STRICT);
        model.useProject(project);
        long third = recordRun("");

        model.refresh();

        assertEquals(2, model.runAProperty().get().id(), "following the newest: run 2 → run 3, not 1 → 2");
        assertEquals(third, model.runBProperty().get().id());

        model.compare(1, 2);
        long fourth = recordRun(STRICT);
        model.refresh();

        assertFalse(model.followNewestProperty().get(), "choosing a pair pins it");
        assertEquals(1, model.runAProperty().get().id());
        assertEquals(2, model.runBProperty().get().id());

        model.followNewestProperty().set(true);

        assertEquals(third, model.runAProperty().get().id());
        assertEquals(fourth, model.runBProperty().get().id());
    }

    @Test
    void aRunStillBeingWrittenIsComparedAgainOnRefresh() throws Exception {
        recordRun("");
        long strict = recordRun(STRICT);
        model.useProject(project);
        List<FlipLine> before = List.copyOf(model.flips());

        project.renameRun(strict, "strict judge");
        model.refresh();

        assertEquals("run 1 (A) → strict judge (B)", model.messageProperty().get());
        assertEquals(before, model.flips());
    }

    /** A real run on the sample against the offline provider, with {@code judgePrefix} before the judge's steps. */
    private long recordRun(String judgePrefix) throws Exception {
        Dataset sample = Samples.movies();
        String sha = project.saveDataset(sample).sha256();
        project.saveMapping(Samples.moviesMapping());
        try (OfflineProvider offline = OfflineProvider.start();
                OpenAiChatClient client = new OpenAiChatClient(offline.profile())) {
            String judge = Samples.text(Samples.MOVIES_JUDGE_PROMPT)
                    .replace("Work in this order:", judgePrefix + "Work in this order:");
            PromptPair prompts = PromptPair.of(Samples.text(Samples.MOVIES_BASE_PROMPT), judge);
            RunSpec spec = RunSpec.of(sample, Samples.moviesMapping(), prompts, offline.profile());
            long runId = project.store().createRun("{\"test\":" + System.nanoTime() + "}");
            project.describeRun(runId, spec, sha, "realtime");
            project.finishRun(
                    runId,
                    new RunEngine(client, new ProjectRunLedger(project.store(), runId))
                            .runToEnd(spec, RunListener.NONE),
                    null);
            return runId;
        }
    }
}
