package io.arbiter.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.ProviderPreset;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.ProviderSettings;
import io.arbiter.ui.runs.RunsViewModel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;

/** What the workbench's view-model tests share to run against the offline server. */
final class WorkbenchRuns {

    private WorkbenchRuns() {}

    /** The offline demo's profile as a spec is built for it; the URL is never reached. */
    static ProviderProfile offline() {
        return ProviderPreset.OFFLINE.profile("http://127.0.0.1:1/v1", "b", "j", 1);
    }

    /** A provider profile at {@code url} with the demo's models and the CLI's defaults (temperature 0, 256 tokens). */
    static ProviderSettings provider(String url, int concurrency) {
        return new ProviderSettings(
                "Test provider",
                url,
                null,
                "offline-demo-base",
                "offline-demo-judge",
                0,
                256,
                null,
                concurrency,
                0,
                0,
                false,
                null,
                null,
                null,
                null);
    }

    /** Presses Run and waits until the run's end is written into the open project (the Runs list then reloads). */
    static void runToItsRecordedEnd(WorkbenchViewModel model) throws InterruptedException {
        CountDownLatch recorded = new CountDownLatch(1);
        ListChangeListener<RunsViewModel.RunLine> reloaded = change -> recorded.countDown();
        model.runs().runs().addListener(reloaded);
        try {
            model.runCommands().startRun();
            assertTrue(
                    recorded.await(60, TimeUnit.SECONDS),
                    "the run did not end: " + model.run().messageProperty().get());
        } finally {
            model.runs().runs().removeListener(reloaded);
        }
    }
}
