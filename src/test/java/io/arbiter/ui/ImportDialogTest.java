package io.arbiter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.ui.importer.ImportView;
import io.arbiter.ui.importer.ImportViewModel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Importing a messy file through the dialog replaces the workbench's dataset only once it has been read. */
class ImportDialogTest extends WorkbenchUiTest {

    @TempDir
    Path dir;

    @Test
    void aLatin1FileWithCrEndingsAndNoHeaderIsDetectedPreviewedAndImported(FxRobot robot) throws Exception {
        Path file = dir.resolve("reviews.csv");
        String text = "Un café très serré;positive\r\"Bof, trop sucré\";negative\rPas mal du tout;positive\r";
        Files.write(file, text.getBytes(Charset.forName("windows-1252")));
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> model.datasetProperty().get() != null);
        Dataset before = model.datasetProperty().get();

        openDialog(robot, file);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#previewTable").queryTableView().getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();

        String detected = robot.lookup("#detectedLabel").queryAs(Label.class).getText();
        assertTrue(
                detected.contains("windows-1252")
                        && detected.contains("semicolon")
                        && detected.contains("no header row"),
                detected);
        assertEquals(false, robot.lookup("#headerCheck").queryAs(CheckBox.class).isSelected());
        TableView<List<String>> preview = robot.lookup("#previewTable").queryTableView();
        assertEquals(
                List.of("Un café très serré", "positive"), preview.getItems().get(0));
        assertEquals("Bof, trop sucré", preview.getItems().get(1).get(0));
        assertEquals(before, model.datasetProperty().get(), "nothing replaced before Import");

        robot.interact(() ->
                robot.lookup("#truthBox").queryComboBox().getSelectionModel().select("column_2"));
        robot.clickOn("#importButton");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> model.datasetProperty().get() != before);
        WaitForAsyncUtils.waitForFxEvents();

        Dataset imported = model.datasetProperty().get();
        assertEquals(List.of("column_1", "column_2"), imported.columns());
        assertEquals(3, imported.size());
        assertEquals("Pas mal du tout", imported.value(2, 0));
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> model.labels().labels().size() == 2);
    }

    @Test
    void raggedRowsAreListedAndCanBeSkipped(FxRobot robot) throws Exception {
        Path file = dir.resolve("ragged.csv");
        Files.writeString(file, "Text,Label\nfine,a\nbroken,b,extra\nalso fine,b\n");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> model.datasetProperty().get() != null);

        openDialog(robot, file);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#previewTable").queryTableView().getItems().size() == 2);
        robot.clickOn("#importButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#raggedRowsDialog")
                .tryQuery()
                .isPresent());
        DialogPane dialog = robot.lookup("#raggedRowsDialog").queryAs(DialogPane.class);
        assertTrue(dialog.getContentText().contains("lines 3"), dialog.getContentText());
        robot.interact(
                () -> ((Button) dialog.lookupButton(dialog.getButtonTypes().get(0))).fire());

        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> model.datasetProperty().get().size() == 2);
        assertEquals("also fine", model.datasetProperty().get().value(1, "Text"));
    }

    private void openDialog(FxRobot robot, Path file) {
        robot.interact(() -> {
            ImportViewModel dialog = model.datasetSetup().newImport();
            new ImportView(dialog, stage, null).show(file);
        });
    }
}
