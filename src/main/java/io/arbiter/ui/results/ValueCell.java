package io.arbiter.ui.results;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;

/**
 * A results cell the stylesheet colours by its value (Correct, wrong, UNPARSED, a pair's winner…) through a
 * pseudo-class such as {@code :value-correct}. A pseudo-class, not a style class: a cell's style classes changing on
 * every update made CSS match the cell again each time, while a pseudo-class only switches the rules already matched.
 */
class ValueCell extends TableCell<ResultsTableRow, String> {

    /** The values the stylesheet colours; any other value has no mark. */
    private static final Map<String, PseudoClass> MARKS = Stream.of(
                    "correct", "incorrect", "right", "wrong", "unparsed", "error", "a", "b", "tie", "inconsistent")
            .collect(Collectors.toUnmodifiableMap(Function.identity(), v -> PseudoClass.getPseudoClass("value-" + v)));

    private PseudoClass marked;

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
        // "A ✎" (a pair's human preference with a note) is marked as its value.
        mark(empty || item == null || item.isEmpty() ? null : item.split(" ")[0]);
    }

    /** Marks the cell with {@code value} (any case; null or an unstyled value: no mark). */
    final void mark(String value) {
        PseudoClass mark = value == null ? null : MARKS.get(value.toLowerCase(Locale.ROOT));
        if (mark == marked) {
            return;
        }
        if (marked != null) {
            pseudoClassStateChanged(marked, false);
        }
        marked = mark;
        if (mark != null) {
            pseudoClassStateChanged(mark, true);
        }
    }
}
