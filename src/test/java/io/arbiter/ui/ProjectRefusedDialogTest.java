package io.arbiter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.project.Project;
import io.arbiter.core.store.ProjectBackup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Opening a damaged project shows a dialog that says so and offers its backup; Restore opens the backup. */
class ProjectRefusedDialogTest extends WorkbenchUiTest {

    @TempDir
    Path dir;

    @Test
    void aDamagedProjectShowsADialogWhoseRestoreOpensTheBackup(FxRobot robot) throws Exception {
        Path file = dir.resolve("movies.arbiter");
        try (Project project = Project.open(file)) {
            project.savePrompts("base {{Overview}}", "judge {{base_answer}}");
        }
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < 100; i++) {
            bytes[i] = 0; // its first page gone: not a SQLite file any more, but it has a backup
        }
        Files.write(file, bytes);

        robot.interact(() -> model.projects().openProject(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#projectRefusedDialog")
                .tryQuery()
                .isPresent());
        DialogPane dialog = robot.lookup("#projectRefusedDialog").queryAs(DialogPane.class);
        assertTrue(dialog.getContentText().contains("is damaged"), dialog.getContentText());
        assertEquals("movies.arbiter was not opened", dialog.getHeaderText());
        ButtonType restore = dialog.getButtonTypes().stream()
                .filter(type -> type.getText().equals("Restore movies.arbiter.bak"))
                .findFirst()
                .orElseThrow();

        robot.interact(() -> ((Button) dialog.lookupButton(restore)).fire());

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> file.toAbsolutePath()
                .equals(model.projects().projectFile()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                "judge {{base_answer}}", model.prompts().judgeTextProperty().get(), "what the backup held");
        assertTrue(Files.exists(ProjectBackup.newest(file)));
    }
}
