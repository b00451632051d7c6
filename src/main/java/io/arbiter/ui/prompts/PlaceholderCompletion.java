package io.arbiter.ui.prompts;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Popup;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;

/**
 * The placeholder names offered in a prompt editor after "{{" is typed or on Ctrl+Space: typing on narrows the list,
 * Up and Down choose, Enter or Tab inserts {@code name}}}, Esc closes. The caret stays in the editor, so typing
 * goes on there. FX thread.
 */
final class PlaceholderCompletion {

    private static final double ROW = 24;
    private static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.SPACE, KeyCombination.CONTROL_DOWN);

    private final CodeArea area;
    private final Supplier<List<String>> names;
    private final Popup popup = new Popup();
    private final ListView<String> list = new ListView<>();
    /** Where the name being typed starts, just after its "{{" (or where "{{" goes, {@link #braces}). */
    private int start;
    /** True when the popup was opened away from "{{", which the insertion then adds. */
    private boolean braces;

    PlaceholderCompletion(CodeArea area, Supplier<List<String>> names) {
        this.area = area;
        this.names = names;
        list.getStyleClass().add("placeholder-completion");
        list.setFocusTraversable(false);
        list.setFixedCellSize(ROW);
        list.setPrefWidth(280);
        list.setOnMouseClicked(e -> accept());
        popup.getContent().add(list);
        popup.setAutoHide(true);
        // A click elsewhere in the prompt closes the offer and still places the caret there.
        popup.setConsumeAutoHidingEvents(false);
        area.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        list.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        area.plainTextChanges().subscribe(this::typed);
        area.caretPositionProperty().addListener((obs, old, now) -> {
            if (popup.isShowing()) {
                narrow();
            }
        });
        area.focusedProperty().addListener((obs, old, focused) -> {
            if (!focused && !list.isFocused()) {
                popup.hide();
            }
        });
    }

    private void typed(PlainTextChange change) {
        int end = change.getInsertionEnd();
        if (!popup.isShowing()
                && change.getInserted().equals("{")
                && change.getRemoved().isEmpty()
                && end >= 2
                && area.getText(end - 2, end).equals("{{")) {
            // After the change is applied the caret has moved past the brace, and the popup goes below it.
            Platform.runLater(() -> open(end, false));
        }
    }

    private void keyPressed(KeyEvent event) {
        if (!popup.isShowing()) {
            if (OPEN.match(event)) {
                int caret = area.getCaretPosition();
                open(caret, caret < 2 || !area.getText(caret - 2, caret).equals("{{"));
                event.consume();
            }
            return;
        }
        switch (event.getCode()) {
            case DOWN -> list.getSelectionModel().selectNext();
            case UP -> list.getSelectionModel().selectPrevious();
            case ENTER, TAB -> accept();
            case ESCAPE -> popup.hide();
            default -> {
                return;
            }
        }
        list.scrollTo(list.getSelectionModel().getSelectedIndex());
        event.consume();
    }

    private void open(int at, boolean addBraces) {
        if (area.getScene() == null || area.getCaretPosition() != at) {
            return;
        }
        start = at;
        braces = addBraces;
        if (!narrow()) {
            return;
        }
        Bounds caret = area.getCaretBounds().orElse(area.localToScreen(area.getBoundsInLocal()));
        // Owned by the area's parent: a popup takes its owner's styles, and the area's text rules would paint the list.
        popup.show(area.getParent(), caret.getMinX(), caret.getMaxY() + 2);
    }

    /**
     * Shows the names that fit what was typed since {@link #start}; closes when the caret leaves the name or nothing
     * fits.
     *
     * @return true when there is something to offer
     */
    private boolean narrow() {
        int caret = area.getCaretPosition();
        String typed = caret >= start ? area.getText(start, caret) : "}";
        if (typed.contains("}") || typed.contains("{") || typed.contains("\n")) {
            popup.hide();
            return false;
        }
        String prefix = typed.strip().toLowerCase(Locale.ROOT);
        List<String> fitting = names.get().stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).contains(prefix))
                .sorted((a, b) -> Boolean.compare(
                        !a.toLowerCase(Locale.ROOT).startsWith(prefix),
                        !b.toLowerCase(Locale.ROOT).startsWith(prefix)))
                .toList();
        if (fitting.isEmpty()) {
            popup.hide();
            return false;
        }
        if (!list.getItems().equals(fitting)) {
            list.getItems().setAll(fitting);
            list.getSelectionModel().selectFirst();
            list.setPrefHeight(Math.min(fitting.size(), 8) * ROW + 4);
        }
        return true;
    }

    /** Replaces what was typed of the name with the chosen one and closes its braces. */
    private void accept() {
        String name = list.getSelectionModel().getSelectedItem();
        popup.hide();
        int caret = area.getCaretPosition();
        if (name == null || caret < start) {
            return;
        }
        String rest = area.getText(caret, Math.min(area.getLength(), caret + 2));
        String insert = (braces ? "{{" : "") + name + (rest.equals("}}") ? "" : "}}");
        area.replaceText(start, caret, insert);
        area.moveTo(start + insert.length() + (rest.equals("}}") ? 2 : 0));
        area.requestFocus();
    }
}
