package io.arbiter.ui.results;

import io.arbiter.core.scheme.ReviewMark;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The review keys on the results table, while it has the focus: J/K next/previous, the scheme's marks (1 right, 2
 * wrong for verdicts; each then moves on), N note, P promote, U undo. The table scrolls to follow the selection.
 */
final class ReviewKeys {

    private final TableView<ResultsTableRow> table;
    private final ResultsViewModel model;

    private ReviewKeys(TableView<ResultsTableRow> table, ResultsViewModel model) {
        this.table = table;
        this.model = model;
    }

    /**
     * Puts the keys on {@code table}, and makes it follow the model's row to select. Down or Enter in {@code filter}
     * (Ctrl+F) hands the keyboard to the rows, so a review runs from start to finish without the mouse.
     */
    static void install(TableView<ResultsTableRow> table, ResultsViewModel model, TextField filter) {
        ReviewKeys keys = new ReviewKeys(table, model);
        table.addEventFilter(KeyEvent.KEY_PRESSED, keys::handle);
        model.rowToSelectProperty().addListener((obs, old, row) -> keys.selectDatasetRow(row.intValue()));
        filter.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.ENTER) {
                if (table.getSelectionModel().isEmpty()) {
                    keys.move(1);
                }
                table.requestFocus();
                event.consume();
            }
        });
    }

    /** The review keys of the scheme the rows are graded by: 1 right, 2 wrong, or a digit per score. */
    static String helpText(ResultsViewModel model) {
        // Short enough to share one line with the run's name at 1366 px: a second line costs the table a row.
        return "Keys:  J / K move ·  "
                + model.scheme().reviewMarks().stream()
                        .map(mark -> mark.key() + " " + mark.label())
                        .collect(Collectors.joining(" ·  "))
                + " ·  N note ·  U undo"
                + (model.scheme().takesExamples() ? " ·  P worked example" : "");
    }

    /** Selects and scrolls to the shown row with this dataset index, focusing the table for review keys. */
    private void selectDatasetRow(int datasetRow) {
        int shownAt = datasetRow < 0 ? -1 : indexOfRow(datasetRow);
        if (shownAt >= 0) {
            select(shownAt);
            table.requestFocus();
        }
    }

    private void handle(KeyEvent event) {
        if (event.isShortcutDown() || event.isAltDown() || event.isControlDown() || event.isMetaDown()) {
            return;
        }
        ResultsTableRow selected = table.getSelectionModel().getSelectedItem();
        Optional<ReviewMark> mark = markOf(event);
        if (mark.isPresent()) {
            model.reviewing().label(selected, mark.get());
            move(1);
            event.consume();
            return;
        }
        switch (event.getCode()) {
            case J -> move(1);
            case K -> move(-1);
            case N -> askForNote(selected);
            case P -> model.reviewing().togglePromoted(selected);
            case U -> {
                int undone = model.reviewing().undo();
                int shownAt = undone < 0 ? -1 : indexOfRow(undone);
                if (shownAt >= 0) {
                    select(shownAt);
                }
            }
            default -> {
                return;
            }
        }
        event.consume();
    }

    /**
     * The scheme's mark on the pressed key: a digit (the number row and the keypad give the same one), or a pairwise
     * run's letter A, B or T.
     */
    private Optional<ReviewMark> markOf(KeyEvent event) {
        if (!event.getCode().isDigitKey() && !event.getCode().isLetterKey()) {
            return Optional.empty();
        }
        String digit = event.getCode().getName().replace("Numpad ", "");
        return model.scheme().reviewMarks().stream()
                .filter(mark -> mark.key().equals(digit))
                .findFirst();
    }

    private void move(int step) {
        int size = table.getItems().size();
        if (size == 0) {
            return;
        }
        int current = table.getSelectionModel().getSelectedIndex();
        select(current < 0 ? 0 : Math.max(0, Math.min(size - 1, current + step)));
    }

    private void select(int index) {
        table.getSelectionModel().clearAndSelect(index);
        table.getFocusModel().focus(index);
        // The flow scrolls only as far as needed; TableView.scrollTo would put the row at the top every time.
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(index);
        } else {
            table.scrollTo(index);
        }
    }

    private int indexOfRow(int datasetRow) {
        List<ResultsTableRow> shown = table.getItems();
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).index() == datasetRow) {
                return i;
            }
        }
        return -1;
    }

    private void askForNote(ResultsTableRow row) {
        if (row == null || row.human() == null) {
            model.reviewing().note(row, ""); // says what to do first
            return;
        }
        TextInputDialog dialog = new TextInputDialog(row.humanNote());
        dialog.setTitle("Note on row " + (row.index() + 1));
        dialog.setHeaderText("A note on the base answer of row " + (row.index() + 1) + " (empty: no note)");
        dialog.initOwner(table.getScene() == null ? null : table.getScene().getWindow());
        dialog.showAndWait().ifPresent(text -> model.reviewing().note(row, text));
        table.requestFocus();
    }
}
