package io.arbiter.ui.workbench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * The workbench's split panes by name, and the two panes the user may fold: the setup bars and the prompts. Nothing
 * folds unless the user asks (switching a tab moves nothing); the folds are remembered with the dividers, and the
 * prompts' divider reported while they are folded is where it rests, so unfolding puts it back. FX thread.
 */
final class WorkbenchDividers {

    static final String MAIN = "main";
    /** The entry that remembers the folds: 1 for shown, 0 for folded, the setup bars then the prompts. */
    static final String SHOWN = "shown";

    private final Map<String, SplitPane> panes = new LinkedHashMap<>();
    private final SplitPane main;
    private final Node prompts;
    private final BooleanProperty setupShown = new SimpleBooleanProperty(true);
    private final BooleanProperty promptsShown = new SimpleBooleanProperty(true);
    /** Where the prompts' divider rests while they are folded. */
    private double promptsShare;

    WorkbenchDividers(SplitPane main, Map<String, SplitPane> others, Node setupBars) {
        this.main = main;
        this.prompts = main.getItems().get(0);
        panes.put(MAIN, main);
        panes.putAll(others);
        promptsShare = main.getDividerPositions()[0];
        setupBars.visibleProperty().bind(setupShown);
        setupBars.managedProperty().bind(setupShown);
        promptsShown.addListener((obs, was, now) -> showPrompts(now));
    }

    /** Whether the dataset, provider and jury bars are shown. */
    BooleanProperty setupShownProperty() {
        return setupShown;
    }

    /** Whether the prompts are shown above the run bar and the tabs. */
    BooleanProperty promptsShownProperty() {
        return promptsShown;
    }

    /** Each pane's divider positions (the prompts' where they rest), and which foldable panes are shown. */
    Map<String, List<Double>> positions() {
        Map<String, List<Double>> positions = new LinkedHashMap<>();
        panes.forEach((name, pane) -> positions.put(
                name,
                pane == main && !promptsShown.get()
                        ? List.of(promptsShare)
                        : Arrays.stream(pane.getDividerPositions()).boxed().toList()));
        positions.put(SHOWN, List.of(flag(setupShown.get()), flag(promptsShown.get())));
        return positions;
    }

    /** Puts the dividers and folds where {@code positions} says; a pane whose count of dividers differs is left alone. */
    void use(Map<String, List<Double>> positions) {
        positions.forEach((name, at) -> {
            SplitPane pane = panes.get(name);
            if (pane == null
                    || at.size() != (pane == main ? 1 : pane.getDividers().size())
                    || at.stream().anyMatch(p -> p == null || !(p > 0 && p < 1))) {
                return;
            }
            if (pane == main && !promptsShown.get()) {
                promptsShare = at.get(0);
            } else {
                pane.setDividerPositions(
                        at.stream().mapToDouble(Double::doubleValue).toArray());
            }
        });
        List<Double> shown = positions.getOrDefault(SHOWN, List.of());
        if (shown.size() == 2 && shown.stream().allMatch(s -> s != null)) {
            setupShown.set(shown.get(0) != 0);
            promptsShown.set(shown.get(1) != 0);
        }
    }

    /** Takes the prompts out of the split pane, or puts them back at the height they had. */
    private void showPrompts(boolean show) {
        if (show && !main.getItems().contains(prompts)) {
            main.getItems().add(0, prompts);
            main.setDividerPositions(promptsShare);
        } else if (!show && main.getItems().contains(prompts)) {
            promptsShare = main.getDividerPositions()[0];
            main.getItems().remove(prompts);
        }
    }

    private static double flag(boolean on) {
        return on ? 1 : 0;
    }
}
