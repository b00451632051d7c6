package io.arbiter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.ui.results.ResultsTableRow;
import io.arbiter.ui.results.RowFilter;
import io.arbiter.ui.theme.Palette;
import io.arbiter.ui.theme.ThemeStylesheet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The commands of the menu bar and the top bars used as a user would, by clicks, at a laptop's and a desktop's size:
 * each opens or does what it says. ({@link WorkbenchFitsTest} checks they are whole and on screen; Run, the column
 * chooser and the tabs are used by {@link ResultsTableTest} and {@link WorkbenchFitsTest} at both sizes too.)
 */
class ToolbarCommandsTest extends WorkbenchUiTest {

    @AfterEach
    void backToLight() {
        // The stylesheet is the whole application's: a test after this one in the same JVM sees light.
        new FxRobot().interact(() -> Application.setUserAgentStylesheet(ThemeStylesheet.of(Palette.LIGHT)));
    }

    @ParameterizedTest(name = "at {0}x{1}")
    @CsvSource({"1366, 768", "1920, 1080"})
    void everyMenuOpensWithinTheWindow(double width, double height, FxRobot robot) {
        sizeWindow(robot, width, height);
        MenuBar bar = robot.lookup("#menuBar").query();
        Rectangle2D window = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        List<String> problems = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            robot.clickOn(title(robot, menu.getText()));
            WaitForAsyncUtils.waitForFxEvents();
            Window popup = Window.getWindows().stream()
                    .filter(w -> w instanceof ContextMenu && w.isShowing())
                    .findFirst()
                    .orElse(null);
            if (!menu.isShowing() || popup == null) {
                problems.add(menu.getText() + " did not open");
            } else if (!window.contains(popup.getX(), popup.getY(), popup.getWidth(), popup.getHeight())) {
                problems.add(menu.getText() + " opens outside the window at " + popup.getX() + "," + popup.getY() + " "
                        + popup.getWidth() + "x" + popup.getHeight());
            }
            robot.interact(menu::hide);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(
                bar.getMenus().size() >= 5,
                "File, Edit, View, Run, Help: " + bar.getMenus().size());
        assertEquals(List.of(), problems, "at " + width + "x" + height);
    }

    @ParameterizedTest(name = "at {0}x{1}")
    @CsvSource({"1366, 768", "1920, 1080"})
    void viewThemeDarkAndLightSwitchTheLook(double width, double height, FxRobot robot) {
        sizeWindow(robot, width, height);

        clickMenuPath(robot, "_View", "Theme", "Dark");
        assertEquals(ThemeStylesheet.of(Palette.DARK), Application.getUserAgentStylesheet());
        assertEquals(Palette.DARK, model.theme().paletteProperty().get());

        clickMenuPath(robot, "_View", "Theme", "Light");
        assertEquals(ThemeStylesheet.of(Palette.LIGHT), Application.getUserAgentStylesheet());
    }

    @ParameterizedTest(name = "at {0}x{1}")
    @CsvSource({"1366, 768", "1920, 1080"})
    void wrapAndTheJuryControlsTakeAClick(double width, double height, FxRobot robot) {
        sizeWindow(robot, width, height);
        var columns = model.results().heading().columns();
        robot.clickOn("#wrapToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(columns.wrapProperty().get(), "Wrap wraps the cells");
        robot.clickOn("#wrapToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(columns.wrapProperty().get());

        int concurrency = model.providerChoice().concurrencyProperty().get();
        robot.clickOn(
                robot.lookup("#concurrencySpinner .increment-arrow-button").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                concurrency + 1, model.providerChoice().concurrencyProperty().get());

        Node shuffle = robot.lookup("#shuffleLabelsCheck").query();
        assertTrue(shuffle.isDisabled(), "one judgement per row has nothing to shuffle");
        robot.clickOn(robot.lookup("#repeatsSpinner .increment-arrow-button").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, model.providerChoice().repeatsProperty().get());
        assertFalse(shuffle.isDisabled(), "a second repeat can show the labels in another order");
        robot.clickOn(shuffle);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.providerChoice().shuffleLabelsProperty().get());
    }

    @ParameterizedTest(name = "at {0}x{1}")
    @CsvSource({"1366, 768", "1920, 1080"})
    void eachPresetShowsItsRows(double width, double height, FxRobot robot) throws Exception {
        TableView<ResultsTableRow> table = runAt(robot, width, height);
        List<RowFilter.Preset> clicked = new ArrayList<>();
        for (Node node : robot.lookup(".preset-bar .toggle-button").queryAll()) {
            ToggleButton button = (ToggleButton) node;
            if (!button.isVisible()) {
                continue; // a preset of another grading scheme
            }
            RowFilter.Preset preset = (RowFilter.Preset) button.getUserData();
            robot.clickOn(button);
            // Its rows worked out here from every row's own cells; Label next plans up to 20 unreviewed rows.
            Predicate<ResultsTableRow> passes =
                    preset.filter() == null ? row -> true : preset.filter().rows();
            long expected = preset == RowFilter.Preset.LABEL_NEXT
                    ? -1
                    : model.results().allRows().stream().filter(passes).count();
            try {
                WaitForAsyncUtils.waitFor(
                        30,
                        TimeUnit.SECONDS,
                        () -> model.results().presetProperty().get() == preset
                                && (expected >= 0
                                        ? table.getItems().size() == expected
                                                && table.getItems().stream().allMatch(passes)
                                        : table.getItems().size() <= 20
                                                && table.getItems().stream().allMatch(row -> row.human() == null)));
            } catch (TimeoutException e) {
                throw new AssertionError(
                        preset + " is " + model.results().presetProperty().get() + " and shows "
                                + table.getItems().size() + " rows, not " + expected,
                        e);
            }
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(button.isSelected(), preset + " shows as on");
            clicked.add(preset);
        }
        assertTrue(clicked.contains(RowFilter.Preset.FALSE_ACCEPTS) && clicked.size() >= 6, clicked.toString());
    }

    /** Opens the menu titled {@code menu} by a click on its title, then clicks each item named in {@code path}. */
    private void clickMenuPath(FxRobot robot, String menu, String... path) {
        robot.clickOn(title(robot, menu));
        for (String item : path) {
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn(robot.lookup(".menu-item .label")
                    .match((Label label) -> label.getText().replace("_", "").equals(item))
                    .queryAs(Node.class));
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The title of the menu {@code text} as the menu bar shows it. */
    private static Node title(FxRobot robot, String text) {
        return robot.from(robot.lookup("#menuBar").queryAs(MenuBar.class))
                .lookup(".menu")
                .match((MenuButton button) -> button.getText().equals(text))
                .queryAs(Node.class);
    }
}
