package io.arbiter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.Samples;
import io.arbiter.core.llm.OpenAiChatClient;
import io.arbiter.core.llm.ProviderSettings;
import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.run.RunEngine;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.RunMode;
import io.arbiter.core.run.RunSpec;
import io.arbiter.offline.OfflineProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ProgressBar;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Batch API from the run bar: the offline demo answers batch lines as it answers realtime requests, and a juror on
 * a provider without one is refused before anything is sent.
 */
class WorkbenchBatchRunTest extends WorkbenchUiTest {

    @Test
    void aBatchRunOfTheSampleEndsWithTheRealtimeAccuracies(FxRobot robot) throws Exception {
        ComboBox<RunMode> modeBox = robot.lookup("#modeBox").queryComboBox();
        assertFalse(modeBox.isDisabled(), "the offline demo has the Batch API");
        robot.clickOn("#modeBox").clickOn(RunMode.BATCH.toString());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(RunMode.BATCH, model.providerChoice().modeProperty().get());
        List<String> messages = new CopyOnWriteArrayList<>();
        robot.interact(() -> model.run().messageProperty().addListener((obs, old, now) -> messages.add(now)));

        runToEnd(robot);

        AccuracyCounts realtime = realtimeRun(Samples.movies());
        assertEquals(realtime.baseVsJudge().percent(), text(robot, "#baseVsJudgeValue"));
        assertEquals(realtime.baseVsTruth().percent(), text(robot, "#baseVsTruthValue"));
        assertEquals(realtime.judgeVsTruth().percent(), text(robot, "#judgeVsTruthValue"));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("Base stage: batch ")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("Judge stage: batch ")), messages.toString());
        assertEquals("Run finished.", text(robot, "#messageLabel"));
        assertTrue(robot.lookup("#baseBar").queryAs(ProgressBar.class).getProgress() >= 1.0);
        assertTrue(robot.lookup("#judgeBar").queryAs(ProgressBar.class).getProgress() >= 1.0);
    }

    @Test
    void theModeIsRealtimeAndFixedForAProviderWithoutBatches(FxRobot robot) {
        var local = model.providerChoice().providers().stream()
                .filter(p -> !p.hasBatchApi())
                .findFirst();
        if (local.isEmpty()) {
            return; // every preset has batches: nothing to check
        }
        robot.interact(() -> model.providerChoice().modeProperty().set(RunMode.BATCH));
        robot.interact(() -> model.providerChoice().providerProperty().set(local.get()));
        assertEquals(RunMode.REALTIME, model.providerChoice().modeProperty().get());
        assertTrue(robot.lookup("#modeBox").queryComboBox().isDisabled());
    }

    @Test
    void aBatchRunWithAJurorOnAProviderWithoutBatchesIsRefusedNamingTheJuror(FxRobot robot) throws Exception {
        ProviderSettings demo = model.providerChoice().providerProperty().get();
        // Ollama on this machine, as Providers… offers it: realtime only. It is never reached.
        ProviderSettings local = ProviderSettings.presets().stream()
                .filter(p -> p.name().equals("Ollama (local)"))
                .findFirst()
                .orElseThrow();
        robot.interact(() -> {
            model.providerChoice().useSettings(local);
            model.providerChoice().providerProperty().set(demo);
            model.providerChoice().modeProperty().set(RunMode.BATCH);
            model.providerChoice().alsoJudgedByProperty().set("llama3.1:8b@Ollama (local)");
        });
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> model.datasetProperty().get() != null);

        robot.clickOn("#runButton");

        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> text(robot, "#messageLabel").startsWith("Cannot run: "));
        String message = text(robot, "#messageLabel");
        assertTrue(
                message.contains("The juror llama3.1:8b@Ollama (local) is on Ollama (local), which has no Batch API"),
                message);
        assertFalse(model.run().runningProperty().get());
        assertFalse(model.results().hasResultsProperty().get(), "no run started");
    }

    private static AccuracyCounts realtimeRun(Dataset sample) throws Exception {
        try (OfflineProvider offline = OfflineProvider.start();
                OpenAiChatClient client = new OpenAiChatClient(offline.profile())) {
            PromptPair prompts =
                    PromptPair.of(Samples.text(Samples.MOVIES_BASE_PROMPT), Samples.text(Samples.MOVIES_JUDGE_PROMPT));
            return new RunEngine(client)
                    .runToEnd(RunSpec.of(sample, Samples.moviesMapping(), prompts, offline.profile()), RunListener.NONE)
                    .metrics();
        }
    }
}
