package io.arbiter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.ui.workbench.WorkbenchViewModel.LowerPane;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The View menu's keys: Ctrl+1 to Ctrl+7 go to each section, showing a folded one; the fold keys are listed. */
class WorkbenchSectionsTest extends WorkbenchUiTest {

    @Test
    void ctrlAndADigitGoToEachSection(FxRobot robot) {
        robot.clickOn("#resultsTable");

        press(robot, KeyCode.DIGIT5);
        assertEquals(LowerPane.ANALYSIS, model.lowerPaneProperty().get());
        press(robot, KeyCode.DIGIT6);
        assertEquals(LowerPane.RUNS, model.lowerPaneProperty().get());
        press(robot, KeyCode.DIGIT7);
        assertEquals(LowerPane.COMPARE, model.lowerPaneProperty().get());
        press(robot, KeyCode.DIGIT4);
        assertEquals(LowerPane.RESULTS, model.lowerPaneProperty().get());
        assertTrue(focused(robot, "#resultsTable"), "Results puts the focus in the table");
        press(robot, KeyCode.DIGIT3);
        assertTrue(focused(robot, "#runButton"), "Run puts the focus on Run");
        press(robot, KeyCode.DIGIT1);
        assertTrue(focused(robot, "#inputColumnBox"), "Data puts the focus in the first setup field");
        press(robot, KeyCode.DIGIT2);
        Node owner = stage.getScene().getFocusOwner();
        assertTrue(owner != null && owner.getStyleClass().contains("prompt-editor"), "Prompts: in an editor");
    }

    @Test
    void goingToAFoldedSectionShowsIt(FxRobot robot) {
        Node prompts = robot.lookup("#promptsSlot").query();
        robot.clickOn("#promptsToggle");
        robot.clickOn("#setupToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(prompts.getScene() == null);
        assertTrue(!robot.lookup("#setupSlot").query().isVisible());

        robot.clickOn("#resultsTable");
        press(robot, KeyCode.DIGIT2);
        assertTrue(prompts.getScene() != null, "Ctrl+2 shows the prompts");
        press(robot, KeyCode.DIGIT1);
        assertTrue(robot.lookup("#setupSlot").query().isVisible(), "Ctrl+1 shows the setup bars");
        assertTrue(focused(robot, "#inputColumnBox"));
    }

    @Test
    void theFoldKeysFoldAndTheShortcutListNamesThem(FxRobot robot) {
        Node prompts = robot.lookup("#promptsSlot").query();
        robot.clickOn("#resultsTable");
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(prompts.getScene() == null, "Ctrl+Shift+P folds the prompts");
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!robot.lookup("#setupSlot").query().isVisible(), "Ctrl+Shift+D folds the setup bars");

        MenuBar bar = robot.lookup("#menuBar").query();
        List<String> lines = io.arbiter.ui.workbench.ShortcutsProbe.shortcuts(bar);
        for (String name : List.of(
                "Show the setup bars",
                "Show the prompts",
                "Go to Data",
                "Go to Prompts",
                "Go to Run",
                "Go to Results",
                "Go to Judge analysis",
                "Go to Runs",
                "Go to Compare")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains("\t" + name)), name + " in " + lines);
        }
    }

    private static void press(FxRobot robot, KeyCode digit) {
        robot.press(KeyCode.SHORTCUT, digit).release(digit, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean focused(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        return node.isFocused() || node == stage.getScene().getFocusOwner();
    }
}
