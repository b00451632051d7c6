package io.arbiter.ui.workbench;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.fxmisc.richtext.GenericStyledArea;
import org.fxmisc.richtext.MultiChangeBuilder;

/**
 * A small find and replace window over a prompt editor: Find next selects the next match, Replace replaces the
 * selected match and finds the next, Replace all replaces every one as one edit. Edits go through the editor, so
 * Undo takes them back. FX thread.
 */
final class PromptFindReplace {

    private final GenericStyledArea<?, ?, ?> editor;
    private final TextField find = new TextField();
    private final TextField replace = new TextField();
    private final Label result = new Label();

    private PromptFindReplace(GenericStyledArea<?, ?, ?> editor) {
        this.editor = editor;
    }

    static Stage open(GenericStyledArea<?, ?, ?> editor) {
        PromptFindReplace form = new PromptFindReplace(editor);
        Stage window = new Stage();
        window.setTitle("Find and replace in the prompt");
        if (editor.getScene() != null) {
            window.initOwner(editor.getScene().getWindow());
        }
        form.find.setId("findField");
        form.replace.setId("replaceField");
        form.find.setText(editor.getSelectedText());
        Button next = new Button("Find next");
        next.setDefaultButton(true);
        next.setOnAction(e -> form.findNext());
        Button one = new Button("Replace");
        one.setOnAction(e -> form.replaceOne());
        Button all = new Button("Replace all");
        all.setId("replaceAllButton");
        all.setOnAction(e -> form.replaceAll());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Find"), form.find);
        grid.addRow(1, new Label("Replace with"), form.replace);
        grid.add(new HBox(8, next, one, all), 1, 2);
        grid.add(form.result, 1, 3);
        window.setScene(new javafx.scene.Scene(grid));
        if (editor.getScene() != null) {
            window.getScene().getStylesheets().setAll(editor.getScene().getStylesheets());
        }
        window.show();
        return window;
    }

    /** Selects the next match after the caret, wrapping round to the start; false when there is none. */
    boolean findNext() {
        String wanted = find.getText();
        if (wanted.isEmpty()) {
            return false;
        }
        String text = editor.getText();
        int from = text.indexOf(wanted, editor.getSelection().getEnd());
        int at = from >= 0 ? from : text.indexOf(wanted);
        if (at < 0) {
            result.setText("Not found.");
            return false;
        }
        editor.selectRange(at, at + wanted.length());
        editor.requestFollowCaret();
        result.setText("");
        return true;
    }

    private void replaceOne() {
        if (find.getText().isEmpty()) {
            return;
        }
        if (editor.getSelectedText().equals(find.getText())) {
            editor.replaceSelection(replace.getText());
        }
        findNext();
    }

    /** Replaces every match, last first so the places of the others stay put, in one edit that one Undo takes back. */
    int replaceAll() {
        String wanted = find.getText();
        if (wanted.isEmpty()) {
            return 0;
        }
        String text = editor.getText();
        MultiChangeBuilder<?, ?, ?> edit = editor.createMultiChange();
        int count = 0;
        for (int at = text.lastIndexOf(wanted); at >= 0; at = at == 0 ? -1 : text.lastIndexOf(wanted, at - 1)) {
            edit.replaceText(at, at + wanted.length(), replace.getText());
            count++;
        }
        if (edit.hasChanges()) {
            editor.getUndoManager().preventMerge();
            edit.commit();
            editor.getUndoManager().preventMerge();
        }
        result.setText(count == 1 ? "Replaced 1 match." : "Replaced " + count + " matches.");
        return count;
    }
}
