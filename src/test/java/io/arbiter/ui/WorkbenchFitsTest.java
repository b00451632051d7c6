package io.arbiter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.ui.window.WindowKeeper;
import io.arbiter.ui.window.WindowStateStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench at laptop and desktop sizes: every command of the top bars is on screen, whole and clickable; the tab
 * strip stays where it is whichever tab is selected, and the setup bars and prompts fold only when the user asks.
 */
class WorkbenchFitsTest extends WorkbenchUiTest {

    /** The commands and fields of the setup, provider, jury, run and results bars. */
    private static final List<String> BAR_CONTROLS = List.of(
            "#inputColumnBox",
            "#truthColumnBox",
            "#separatorField",
            "#providerBox",
            "#providersButton",
            "#baseModelField",
            "#judgeModelField",
            "#concurrencySpinner",
            "#modeBox",
            "#alsoJudgedByField",
            "#repeatsSpinner",
            "#shuffleLabelsCheck",
            "#runButton",
            "#tryButton",
            "#cancelButton",
            "#retryButton",
            "#exportButton",
            "#filterField",
            "#columnsButton",
            "#wrapToggle",
            "#setupToggle",
            "#promptsToggle");

    @Test
    void everyCommandFitsAt1280x720(FxRobot robot) {
        assertEveryCommandFits(robot, 1280, 720);
    }

    @Test
    void everyCommandFitsAt1366x768(FxRobot robot) {
        assertEveryCommandFits(robot, 1366, 768);
    }

    @Test
    void everyCommandFitsAt1920x1080(FxRobot robot) {
        assertEveryCommandFits(robot, 1920, 1080);
    }

    @ParameterizedTest(name = "at {0}x{1}")
    @CsvSource({"1280, 720", "1366, 768", "1920, 1080"})
    void theTabStripStaysPutWhenEachTabIsSelected(double width, double height, FxRobot robot) {
        assertTabStripStaysPut(robot, width, height);
    }

    @ParameterizedTest(name = "at {0}x{1}")
    @CsvSource({"1366, 768", "1920, 1080"})
    void theSwitchesFoldAndShowThePromptsAndTheSetupBars(double width, double height, FxRobot robot)
            throws TimeoutException {
        sizeWindow(robot, width, height);
        // The next run's estimate comes from the background and may wrap to a second line in the run bar: measured
        // before it came, the rest would seem to move when the prompts fold.
        Label estimate = robot.lookup("#estimateLabel").query();
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> !estimate.getText().isEmpty());
        sizeWindow(robot, width, height);
        Node prompts = robot.lookup("#promptsSlot").query();
        Node setup = robot.lookup("#setupSlot").query();
        double tabsBefore = tabStripY(robot);

        robot.clickOn("#promptsToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(prompts.getScene() == null, "the prompts are folded away");
        assertTrue(tabStripY(robot) < tabsBefore, "the results take the prompts' height");
        robot.clickOn("#promptsToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(prompts.getScene() != null && prompts.isVisible(), "the prompts are back");
        assertEquals(tabsBefore, tabStripY(robot), 1.0, "at the height they had");

        double promptsBefore = prompts.getBoundsInLocal().getHeight();
        robot.clickOn("#setupToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(setup.isVisible(), "the setup bars are folded");
        // Their height goes to the prompts, which a short screen keeps smallest, and the results lose nothing.
        assertTrue(prompts.getBoundsInLocal().getHeight() > promptsBefore, "the prompts grow");
        assertTrue(tabStripY(robot) <= tabsBefore + 1.0, "the results keep their height");
        robot.clickOn("#setupToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(setup.isVisible());
        assertEquals(tabsBefore, tabStripY(robot), 1.0);
    }

    /**
     * Before a run, with the setup bars and the prompts shown: the prompts' default height leaves the table rows. At
     * 1366x768 the bars, the run bar, the figures and the table's own lines take all but four or five rows' height
     * (two and a half with the prompts at 40%).
     */
    @ParameterizedTest(name = "at {0}x{1}")
    @CsvSource({"1366, 768, 4", "1920, 1080, 8"})
    void theResultsShowRowsWithEveryPaneShown(double width, double height, int rows, FxRobot robot) {
        sizeWindow(robot, width, height);
        Node sheet = robot.lookup("#resultsTable .clipped-container").query();
        Bounds view = sheet.localToScene(sheet.getBoundsInLocal());
        long whole = robot.lookup("#resultsTable .table-row-cell").queryAll().stream()
                .filter(row -> row.isVisible() && !((javafx.scene.control.TableRow<?>) row).isEmpty())
                .map(row -> row.localToScene(row.getBoundsInLocal()))
                .filter(row -> row.getMinY() >= view.getMinY() - 0.5 && row.getMaxY() <= view.getMaxY() + 0.5)
                .count();
        assertTrue(whole >= rows, whole + " whole rows in view at " + width + "x" + height);
    }

    @Test
    void theWindowOpensWithinTheScreen(FxRobot robot, @TempDir Path config) {
        robot.interact(() -> WindowKeeper.keep(
                stage, WindowStateStore.inDirectory(config), Optional.empty(), Map::of, positions -> {}));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();

        assertTrue(
                screen.contains(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()),
                stage.getX() + "," + stage.getY() + " " + stage.getWidth() + "x" + stage.getHeight() + " on " + screen);
    }

    /** Clicks each tab as a user would; the tab strip and the prompts above it never move. */
    private void assertTabStripStaysPut(FxRobot robot, double width, double height) {
        sizeWindow(robot, width, height);
        Node prompts = robot.lookup("#promptsSlot").query();
        double tabs = tabStripY(robot);
        double promptsHeight = prompts.getBoundsInLocal().getHeight();
        List<String> problems = new ArrayList<>();
        for (String tab : List.of("#analysisTab", "#runsTab", "#compareTab", "#resultsTab", "#compareTab")) {
            Node header = robot.lookup("#lowerTabs " + tab).query();
            robot.clickOn(header);
            WaitForAsyncUtils.waitForFxEvents();
            if (Math.abs(tabStripY(robot) - tabs) > 0.5) {
                problems.add(tab + " moved the tab strip from " + tabs + " to " + tabStripY(robot));
            }
            if (Math.abs(prompts.getBoundsInLocal().getHeight() - promptsHeight) > 0.5) {
                problems.add(tab + " changed the prompts' height from " + promptsHeight + " to "
                        + prompts.getBoundsInLocal().getHeight());
            }
        }
        assertEquals(List.of(), problems, "at " + width + "x" + height);
    }

    private void assertEveryCommandFits(FxRobot robot, double width, double height) {
        sizeWindow(robot, width, height);
        List<Node> commands = new ArrayList<>();
        BAR_CONTROLS.forEach(id -> commands.add(robot.lookup(id).query()));
        robot.lookup(".preset-bar .toggle-button").queryAll().forEach(commands::add);
        commands.add(robot.lookup("#menuBar").query());
        // Each menu's title in the bar: a menu squeezed off the end of the bar cannot be opened.
        commands.addAll(robot.from(robot.lookup("#menuBar").queryAs(MenuBar.class))
                .lookup(".menu")
                .queryAll());
        List<String> problems = new ArrayList<>();
        for (Node command : commands) {
            if (!command.isVisible()) {
                continue;
            }
            String name = command.getId() != null ? command.getId() : command.toString();
            Bounds at = command.localToScene(command.getBoundsInLocal());
            Bounds scene = new javafx.geometry.BoundingBox(
                    0, 0, stage.getScene().getWidth(), stage.getScene().getHeight());
            if (!scene.contains(at)) {
                problems.add(name + " lies outside the window at " + at);
            }
            if (command instanceof Region region && region.getWidth() < region.prefWidth(-1) - 0.5) {
                problems.add(name + " is squeezed to " + region.getWidth() + " of " + region.prefWidth(-1) + " px");
            }
            if (command instanceof Labeled labeled && command.lookup(".text") instanceof Text shown) {
                // A mnemonic's underscore is drawn as an underline, not as text.
                String whole =
                        labeled.isMnemonicParsing() ? labeled.getText().replaceFirst("_", "") : labeled.getText();
                if (!shown.getText().equals(whole)) {
                    problems.add(name + " shows \"" + shown.getText() + "\" for \"" + labeled.getText() + "\"");
                }
            }
            if (command instanceof ButtonBase && !command.isDisabled()) {
                robot.moveTo(command);
                if (!command.isHover()) {
                    problems.add(name + " is covered: the pointer over it does not reach it");
                }
            }
        }
        MenuBar menus = robot.lookup("#menuBar").query();
        assertFalse(menus.getMenus().isEmpty());
        assertEquals(List.of(), problems, "at " + width + "x" + height);
    }
}
