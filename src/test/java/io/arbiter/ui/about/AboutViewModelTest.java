package io.arbiter.ui.about;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.arbiter.core.project.ArbiterBuild;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The About box's facts, and the text Copy puts on the clipboard for a bug report. */
class AboutViewModelTest {

    @Test
    void theFactsNameTheBuildTheDataFolderAndTheRuntime() {
        Properties system = new Properties();
        system.setProperty("java.runtime.version", "17.0.15+6");
        system.setProperty("java.vendor", "Debian");
        system.setProperty("javafx.runtime.version", "21.0.5+2");

        AboutViewModel about = new AboutViewModel(
                new ArbiterBuild("0.2.0", "0a6c8f167b", "2026-12-02T21:18:07Z"),
                Path.of("/home/ana/.config/arbiter"),
                system);

        assertEquals("Arbiter 0.2.0", about.title());
        assertEquals(
                """
                Arbiter 0.2.0
                Version: 0.2.0
                Build: commit 0a6c8f167b, built 2026-12-02T21:18:07Z
                Licence: not stated yet (the repository has no LICENSE file)
                Data folder: /home/ana/.config/arbiter
                Java: 17.0.15+6 (Debian)
                JavaFX: 21.0.5+2""",
                about.asText());
    }
}
