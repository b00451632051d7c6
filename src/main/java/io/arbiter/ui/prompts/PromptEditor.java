package io.arbiter.ui.prompts;

import io.arbiter.core.prompt.PromptTemplate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * A prompt template editor: its {{placeholders}} styled as its rules know them, an unknown one marked in place with
 * why on hover, completion after "{{" or on Ctrl+Space ({@link PlaceholderCompletion}), wrapping, undo and redo. It
 * edits a view model's String property. FX thread.
 */
public final class PromptEditor extends StackPane {

    /** The style class of a placeholder the prompt is given. */
    public static final String KNOWN = "placeholder-known";
    /** The style class of a placeholder that would reach the model as written. */
    public static final String UNKNOWN = "placeholder-unknown";

    /** How long typing must pause before the placeholders are marked again: a long prompt is not re-read per key. */
    private static final Duration BURST = Duration.ofMillis(150);

    private final CodeArea area = new CodeArea();
    private final Tooltip why = new Tooltip();
    private PlaceholderRules rules = PlaceholderRules.NONE;
    private List<Mark> marks = List.of();
    /** True while one side of the binding writes the other, so the write does not come back. */
    private boolean syncing;

    public PromptEditor() {
        getStyleClass().add("prompt-editor-pane");
        area.getStyleClass().add("prompt-editor");
        area.setWrapText(true);
        getChildren().add(new VirtualizedScrollPane<>(area));
        area.multiPlainChanges().successionEnds(BURST).subscribe(changes -> mark());
        area.setMouseOverTextDelay(Duration.ofMillis(400));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, this::explain);
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> why.hide());
        why.getStyleClass().add("placeholder-why");
        why.setWrapText(true);
        why.setMaxWidth(420);
        new PlaceholderCompletion(area, () -> rules.names());
    }

    /** The text control itself: what takes focus, selects, undoes and is searched. */
    public CodeArea area() {
        return area;
    }

    public String getText() {
        return area.getText();
    }

    /**
     * Edits {@code text} from now on: typing writes it, and a text set from outside (a project opened, a pair's new
     * judge prompt) replaces the editor's, without an undo step back to the old prompt.
     */
    public void bind(StringProperty text) {
        show(text.get());
        text.addListener((obs, old, now) -> {
            if (!syncing && !area.getText().equals(now == null ? "" : now)) {
                show(now);
            }
        });
        area.textProperty().addListener((obs, old, now) -> {
            if (!syncing) {
                syncing = true;
                text.set(now);
                syncing = false;
            }
        });
    }

    /** Marks and completes placeholders by {@code source}'s rules, following them as they change. */
    public void useRules(ObservableValue<PlaceholderRules> source) {
        rules = source.getValue();
        mark();
        source.addListener((obs, old, now) -> {
            rules = now;
            mark();
        });
    }

    private void show(String text) {
        syncing = true;
        area.replaceText(text == null ? "" : text);
        syncing = false;
        area.getUndoManager().forgetHistory();
        area.moveTo(0);
        area.requestFollowCaret();
        mark();
    }

    /** Styles every placeholder known or unknown, the rest of the text plain. */
    private void mark() {
        String text = area.getText();
        List<Mark> found = new ArrayList<>();
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        Matcher m = PromptTemplate.PLACEHOLDER.matcher(text);
        int end = 0;
        while (m.find()) {
            Optional<String> problem = rules.problem(m.group(1));
            spans.add(List.of(), m.start() - end);
            spans.add(List.of(problem.isPresent() ? UNKNOWN : KNOWN), m.end() - m.start());
            found.add(new Mark(m.start(), m.end(), problem.orElse(null)));
            end = m.end();
        }
        spans.add(List.of(), text.length() - end);
        area.setStyleSpans(0, spans.create());
        marks = found;
    }

    /** On hover over an unknown placeholder, says why it is one. */
    private void explain(MouseOverTextEvent event) {
        int at = event.getCharacterIndex();
        marks.stream()
                .filter(mark -> mark.problem() != null && mark.start() <= at && at < mark.end())
                .findFirst()
                .ifPresent(mark -> {
                    why.setText(mark.problem());
                    why.show(
                            area,
                            event.getScreenPosition().getX(),
                            event.getScreenPosition().getY() + 14);
                });
    }

    /** A placeholder where it stands, with why it is unknown (null when it is known). */
    private record Mark(int start, int end, String problem) {}
}
