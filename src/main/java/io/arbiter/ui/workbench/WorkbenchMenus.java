package io.arbiter.ui.workbench;

import io.arbiter.ui.theme.ThemeViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;

/**
 * The Edit menu (undo and redo in the focused text field, find and replace in the prompt editor last used, Ctrl+F to
 * the results filter), the View menu ({@link ThemeMenu}), Help > Keyboard shortcuts, which lists every accelerator of
 * the menu bar and the review keys, and the commands' icons ({@link CommandIcons}). FX thread.
 */
final class WorkbenchMenus {

    /** The review keys, typed with the results table focused; the digits are the grading scheme's marks. */
    static final List<String> REVIEW_KEYS = List.of(
            "J / K\tnext / previous row",
            "1 / 2 (a digit per score)\tmark the row as the scheme's review marks say",
            "A / B / T\ta pair: A better, B better, tie",
            "N\tnote on the row",
            "U\tundo the last review mark",
            "P\tpromote a reviewed row as a worked example");

    private final Parent root;
    /** The prompt editor the user typed in last: Find and replace acts on it. */
    private TextArea lastEditor;

    private WorkbenchMenus(Parent root) {
        this.root = root;
    }

    /**
     * Adds the Edit menu after File and the View menu after it, and fills the Help menu ({@code helpMenu}, made if
     * missing).
     */
    static void install(MenuBar bar, Parent root, Node filterField, ThemeViewModel theme) {
        WorkbenchMenus menus = new WorkbenchMenus(root);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((o, was, now) -> {
                    if (now instanceof TextArea editor && editor.getStyleClass().contains("prompt-editor")) {
                        menus.lastEditor = editor;
                    }
                });
            }
        });
        MenuItem undo = item("_Undo", "Shortcut+Z", () -> menus.focusedText(TextInputControl::undo));
        MenuItem redo = item("_Redo", "Shortcut+Shift+Z", () -> menus.focusedText(TextInputControl::redo));
        MenuItem find = item("_Find and replace in the prompt…", "Shortcut+Shift+F", menus::findAndReplace);
        MenuItem filter = item("Filter the _results…", "Shortcut+F", filterField::requestFocus);
        Menu edit = new Menu("_Edit", null, undo, redo, new SeparatorMenuItem(), find, filter);
        edit.setId("editMenu");
        bar.getMenus().add(Math.min(1, bar.getMenus().size()), edit);
        bar.getMenus().add(Math.min(2, bar.getMenus().size()), ThemeMenu.view(theme));
        Menu help = bar.getMenus().stream()
                .filter(m -> "helpMenu".equals(m.getId()))
                .findFirst()
                .orElseGet(() -> {
                    Menu made = new Menu("_Help");
                    made.setId("helpMenu");
                    bar.getMenus().add(made);
                    return made;
                });
        MenuItem shortcuts = item("_Keyboard shortcuts", "F1", () -> menus.showShortcuts(bar));
        shortcuts.setId("shortcutsItem");
        help.getItems().add(0, shortcuts);
        CommandIcons.install(bar, root);
    }

    /** Every accelerator of the menu bar, then the review keys, one "keys<TAB>what" line each. */
    static List<String> shortcuts(MenuBar bar) {
        List<String> lines = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            collect(menu, lines);
        }
        lines.addAll(REVIEW_KEYS);
        return lines;
    }

    private static void collect(Menu menu, List<String> lines) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, lines);
            } else if (item.getAccelerator() != null) {
                lines.add(item.getAccelerator().getDisplayText() + "\t"
                        + item.getText().replace("_", "").replace("…", ""));
            }
        }
    }

    private void showShortcuts(MenuBar bar) {
        Alert list = new Alert(Alert.AlertType.INFORMATION);
        list.setTitle("Keyboard shortcuts");
        list.setHeaderText("Keyboard shortcuts (review keys work with the results table focused)");
        TextArea text = new TextArea(String.join("\n", shortcuts(bar)));
        text.setEditable(false);
        text.setId("shortcutsText");
        text.setPrefRowCount(18);
        list.getDialogPane().setContent(text);
        if (root.getScene() != null) {
            list.initOwner(root.getScene().getWindow());
        }
        list.show();
    }

    private void focusedText(java.util.function.Consumer<TextInputControl> action) {
        if (root.getScene() != null && root.getScene().getFocusOwner() instanceof TextInputControl text) {
            action.accept(text);
        }
    }

    private void findAndReplace() {
        TextArea editor = lastEditor != null ? lastEditor : (TextArea) root.lookup(".prompt-editor");
        if (editor != null) {
            PromptFindReplace.open(editor);
        }
    }

    private static MenuItem item(String text, String keys, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(keys));
        item.setOnAction(e -> action.run());
        return item;
    }
}
