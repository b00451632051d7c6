package io.arbiter.ui.workbench;

import io.arbiter.ui.theme.ThemeViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCombination;
import org.fxmisc.richtext.GenericStyledArea;
import org.fxmisc.richtext.UndoActions;

/**
 * The Edit menu (undo and redo in the focused text field or prompt editor, find and replace in the prompt editor last
 * used, Ctrl+F to the results filter, the share of rows held out from worked examples), the theme in the View menu
 * ({@link ThemeMenu}), Help > Keyboard shortcuts, which lists every accelerator of the menu bar, the prompt editors'
 * keys and the review keys, and the commands' icons ({@link CommandIcons}). FX thread.
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

    /** The prompt editors' own keys: they are not menu items, so the list would not name them otherwise. */
    static final List<String> PROMPT_KEYS =
            List.of("{{ or Ctrl+Space\tin a prompt: offer the placeholder names (Enter or Tab inserts, Esc closes)");

    private final Parent root;
    /** The prompt editor the user typed in last: Find and replace acts on it. */
    private GenericStyledArea<?, ?, ?> lastEditor;

    private WorkbenchMenus(Parent root) {
        this.root = root;
    }

    /** Adds the Edit menu after File, the theme to the View menu, and fills the Help menu ({@code helpMenu}, made if missing). */
    static void install(
            MenuBar bar,
            Parent root,
            Node filterField,
            DoubleSupplier heldOutNow,
            DoubleConsumer heldOutShare,
            ThemeViewModel theme) {
        WorkbenchMenus menus = new WorkbenchMenus(root);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((o, was, now) -> {
                    if (now instanceof GenericStyledArea<?, ?, ?> editor
                            && editor.getStyleClass().contains("prompt-editor")) {
                        menus.lastEditor = editor;
                    }
                });
            }
        });
        MenuItem undo = item("_Undo", "Shortcut+Z", () -> menus.focusedText(TextInputControl::undo, UndoActions::undo));
        MenuItem redo =
                item("_Redo", "Shortcut+Shift+Z", () -> menus.focusedText(TextInputControl::redo, UndoActions::redo));
        undo.setId("undoItem");
        redo.setId("redoItem");
        MenuItem find = item("_Find and replace in the prompt…", "Shortcut+Shift+F", menus::findAndReplace);
        MenuItem filter = item("Filter the _results…", "Shortcut+F", filterField::requestFocus);
        MenuItem heldOut = new MenuItem("_Held-out rows…");
        heldOut.setId("heldOutItem");
        heldOut.setOnAction(e -> menus.askHeldOutShare(heldOutNow.getAsDouble(), heldOutShare));
        Menu edit = new Menu(
                "_Edit", null, undo, redo, new SeparatorMenuItem(), find, filter, new SeparatorMenuItem(), heldOut);
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

    /** Every accelerator of the menu bar, then the prompt and review keys, one "keys<TAB>what" line each. */
    static List<String> shortcuts(MenuBar bar) {
        List<String> lines = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            collect(menu, lines);
        }
        lines.addAll(PROMPT_KEYS);
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

    /** Asks for the share of rows held out from worked examples, in percent, proposing {@code now}'s; the project keeps it. */
    private void askHeldOutShare(double now, DoubleConsumer heldOutShare) {
        TextInputDialog ask = new TextInputDialog(percentText(now));
        ask.setTitle("Held-out rows");
        ask.setHeaderText("Percent of rows held out to check the worked examples: they can never be promoted, and the"
                + " analysis shows the judge's agreement on them apart (0 holds none out).");
        if (root.getScene() != null) {
            ask.initOwner(root.getScene().getWindow());
        }
        ask.showAndWait().ifPresent(text -> {
            double percent;
            try {
                percent = Double.parseDouble(text.strip().replace("%", ""));
            } catch (NumberFormatException e) {
                percent = Double.NaN; // the project refuses it, and the status line says why
            }
            heldOutShare.accept(percent / 100);
        });
    }

    /** 0.25 as "25", 0.125 as "12.5": the share as a person types it. */
    static String percentText(double share) {
        return java.math.BigDecimal.valueOf(Math.round(share * 1000) / 10.0)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** Undo or redo in the focused field: a plain text control or a prompt editor, which keeps its own history. */
    private void focusedText(
            java.util.function.Consumer<TextInputControl> action,
            java.util.function.Consumer<UndoActions> editorAction) {
        Node focused = root.getScene() == null ? null : root.getScene().getFocusOwner();
        if (focused instanceof TextInputControl text) {
            action.accept(text);
        } else if (focused instanceof UndoActions editor) {
            editorAction.accept(editor);
        }
    }

    private void findAndReplace() {
        Node editor = lastEditor != null ? lastEditor : root.lookup(".prompt-editor");
        if (editor instanceof GenericStyledArea<?, ?, ?> area) {
            PromptFindReplace.open(area);
        }
    }

    private static MenuItem item(String text, String keys, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(keys));
        item.setOnAction(e -> action.run());
        return item;
    }
}
