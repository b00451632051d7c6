package io.arbiter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The menus and keys: Edit, Help > Keyboard shortcuts, Ctrl+F to the filter, Open and Import on keys of their own. */
class WorkbenchKeysTest extends WorkbenchUiTest {

    @Test
    void openAndImportHaveKeysOfTheirOwnAndTheShortcutListNamesEveryOne(FxRobot robot) {
        MenuBar bar = robot.lookup("#menuBar").query();
        List<String> menus = bar.getMenus().stream().map(Menu::getText).toList();
        assertEquals(List.of("_File", "_Edit", "_View", "_Run", "_Help"), menus);
        assertEquals("Shortcut+O", accelerator(bar, "openProjectItem"));
        assertEquals("Shortcut+I", accelerator(bar, "openDatasetItem"));

        List<String> lines = io.arbiter.ui.workbench.ShortcutsProbe.shortcuts(bar);
        long accelerators = bar.getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> i.getAccelerator() != null)
                .count();
        assertTrue(lines.size() >= accelerators + 5, lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.endsWith("\tOpen project")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("J / K")), lines.toString());
    }

    @Test
    void ctrlFGoesToTheResultsFilter(FxRobot robot) {
        robot.clickOn("#resultsTable");
        robot.press(KeyCode.SHORTCUT, KeyCode.F).release(KeyCode.F, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(robot.lookup("#filterField").queryAs(TextField.class).isFocused());
    }

    @Test
    void findAndReplaceChangesThePromptAndUndoTakesItBack(FxRobot robot) {
        TextArea editor = robot.lookup("#judgeEditor").queryAs(TextArea.class);
        robot.interact(() -> editor.setText("Judge the answer. The answer is short."));
        robot.clickOn(editor);
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Scene form = robot.listWindows().stream()
                .filter(w -> w instanceof javafx.stage.Stage s && "Find and replace in the prompt".equals(s.getTitle()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the find and replace window did not open"))
                .getScene();
        robot.interact(() -> {
            ((TextField) form.lookup("#findField")).setText("answer");
            ((TextField) form.lookup("#replaceField")).setText("reply");
            ((javafx.scene.control.Button) form.lookup("#replaceAllButton")).fire();
            form.getWindow().hide();
        });

        assertEquals("Judge the reply. The reply is short.", editor.getText());
        robot.interact(() -> {
            editor.undo();
            editor.undo();
        });
        assertEquals("Judge the answer. The answer is short.", editor.getText());
    }

    private static String accelerator(MenuBar bar, String id) {
        return bar.getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId()))
                .map(MenuItem::getAccelerator)
                .findFirst()
                .orElseThrow()
                .getName();
    }
}
