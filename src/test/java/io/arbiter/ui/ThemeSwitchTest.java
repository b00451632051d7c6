package io.arbiter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.ui.theme.Palette;
import io.arbiter.ui.theme.ThemeChoice;
import io.arbiter.ui.theme.ThemeStore;
import io.arbiter.ui.theme.ThemeStylesheet;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** View > Theme: Light and Dark change the application's stylesheet, and the choice is kept for the next launch. */
class ThemeSwitchTest extends WorkbenchUiTest {

    @TempDir
    Path config;

    @AfterEach
    void backToLight() {
        // The stylesheet is the whole application's: a dialog test after this one in the same JVM sees light.
        robotInteract(() -> Application.setUserAgentStylesheet(ThemeStylesheet.of(Palette.LIGHT)));
    }

    @Test
    void choosingLightOrDarkChangesTheStylesheetAndIsKept(FxRobot robot) throws TimeoutException {
        ThemeStore store = ThemeStore.inDirectory(config);
        robot.interact(() -> model.theme().restore(store, ThemeChoice.LIGHT, false));
        assertEquals(ThemeStylesheet.of(Palette.LIGHT), Application.getUserAgentStylesheet());
        assertTrue(item(robot, "themeLightItem").isSelected());

        robot.interact(() -> item(robot, "themeDarkItem").fire());
        assertEquals(ThemeStylesheet.of(Palette.DARK), Application.getUserAgentStylesheet());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> store.load() == ThemeChoice.DARK);

        robot.interact(() -> item(robot, "themeLightItem").fire());
        assertEquals(ThemeStylesheet.of(Palette.LIGHT), Application.getUserAgentStylesheet());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> store.load() == ThemeChoice.LIGHT);
    }

    @Test
    void aNewWorkbenchIsLightAndFollowsTheSystemUntilToldOtherwise(FxRobot robot) {
        MenuBar bar = robot.lookup("#menuBar").query();
        assertEquals("_View", bar.getMenus().get(2).getText());
        assertEquals(ThemeStylesheet.of(Palette.LIGHT), Application.getUserAgentStylesheet());
        assertTrue(item(robot, "themeSystemItem").isSelected());
    }

    private static RadioMenuItem item(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menuBar").query();
        return (RadioMenuItem) bar.getMenus().stream()
                .filter(m -> "viewMenu".equals(m.getId()))
                .flatMap(m -> m.getItems().stream())
                .filter(Menu.class::isInstance)
                .flatMap(m -> ((Menu) m).getItems().stream())
                .filter(i -> id.equals(i.getId()))
                .map(MenuItem.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in View > Theme"));
    }

    private static void robotInteract(Runnable action) {
        new FxRobot().interact(action);
    }
}
