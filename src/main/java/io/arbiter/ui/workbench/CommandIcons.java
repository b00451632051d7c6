package io.arbiter.ui.workbench;

import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Feather icons on the commands a user looks for (open, save, import, export, run, try, cancel, providers), in the
 * menus and on the Providers button of the workbench's bars, found by id (the run bar and the export buttons carry
 * theirs in their FXML). FX thread.
 */
final class CommandIcons {

    /** Menu item or button id to Feather icon literal. */
    private static final Map<String, String> ICONS = Map.ofEntries(
            Map.entry("newProjectItem", "fth-file"),
            Map.entry("openProjectItem", "fth-folder"),
            Map.entry("saveProjectItem", "fth-save"),
            Map.entry("openDatasetItem", "fth-file-plus"),
            Map.entry("exportItem", "fth-download"),
            Map.entry("runItem", "fth-play"),
            Map.entry("tryItem", "fth-zap"),
            Map.entry("cancelItem", "fth-square"),
            Map.entry("providersItem", "fth-server"),
            Map.entry("shortcutsItem", "fth-help-circle"),
            Map.entry("providersButton", "fth-server"));

    private CommandIcons() {}

    /** Puts each icon on its menu item in {@code bar} and its button under {@code root} (outside tabs and splits). */
    static void install(MenuBar bar, Parent root) {
        for (Menu menu : bar.getMenus()) {
            for (MenuItem item : menu.getItems()) {
                String literal = item.getId() == null ? null : ICONS.get(item.getId());
                if (literal != null && item.getGraphic() == null) {
                    item.setGraphic(new FontIcon(literal));
                }
            }
        }
        ICONS.forEach((id, literal) -> {
            Node node = root.lookup("#" + id);
            if (node instanceof ButtonBase button && button.getGraphic() == null) {
                button.setGraphic(new FontIcon(literal));
            }
        });
    }
}
