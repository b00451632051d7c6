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
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench at laptop and desktop sizes: every command of the top bars is on screen, whole and clickable. */
class WorkbenchFitsTest extends WorkbenchUiTest {

    /** The commands and fields of the setup, provider, run and results bars. */
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
            "#runButton",
            "#tryButton",
            "#cancelButton",
            "#retryButton",
            "#exportButton",
            "#filterField");

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

    @Test
    void theWindowOpensWithinTheScreen(FxRobot robot, @TempDir Path config) {
        robot.interact(() -> WindowKeeper.keep(
                stage, WindowStateStore.inDirectory(config), Optional.empty(), Map::of, positions -> {}));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();

        assertTrue(
                screen.contains(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()),
                stage.getX() + "," + stage.getY() + " " + stage.getWidth() + "x" + stage.getHeight() + " on " + screen);
    }

    private void assertEveryCommandFits(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> commands = new ArrayList<>();
        BAR_CONTROLS.forEach(id -> commands.add(robot.lookup(id).query()));
        robot.lookup(".preset-bar .toggle-button").queryAll().forEach(commands::add);
        commands.add(robot.lookup("#menuBar").query());
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
                if (!shown.getText().equals(labeled.getText())) {
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
