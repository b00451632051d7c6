package io.arbiter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.ProviderSettingsStore;
import io.arbiter.core.project.ArbiterBuild;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Help ▸ About names the version and build running, the data folder, and the Java and JavaFX under it. */
class AboutDialogTest extends WorkbenchUiTest {

    @Test
    void helpAboutShowsTheVersionBuildAndDataFolder(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        Menu help = bar.getMenus().stream()
                .filter(menu -> "helpMenu".equals(menu.getId()))
                .findFirst()
                .orElseThrow();
        // By its id: Help also holds Keyboard shortcuts, first.
        robot.interact(() -> help.getItems().stream()
                .filter(item -> "aboutItem".equals(item.getId()))
                .findFirst()
                .orElseThrow()
                .fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#aboutVersion")
                .tryQuery()
                .isPresent());

        ArbiterBuild build = ArbiterBuild.current();
        assertEquals(build.version(), text(robot, "#aboutVersion"));
        assertEquals("commit " + build.commit() + ", built " + build.date(), text(robot, "#aboutBuild"));
        assertEquals(ProviderSettingsStore.forUser().file().getParent().toString(), text(robot, "#aboutDataFolder"));
        assertTrue(text(robot, "#aboutJava").startsWith(System.getProperty("java.runtime.version")));
        assertTrue(text(robot, "#aboutJavaFX").startsWith("21"), text(robot, "#aboutJavaFX"));
        robot.interact(() ->
                robot.lookup("#aboutVersion").query().getScene().getWindow().hide());
    }
}
