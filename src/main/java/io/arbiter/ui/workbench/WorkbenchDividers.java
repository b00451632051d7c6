package io.arbiter.ui.workbench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;

/**
 * The workbench's split panes by name, and the two panes the user may fold: the setup bars and the prompts. Nothing
 * folds unless the user asks (switching a tab moves nothing); the folds are remembered with the dividers, and the
 * prompts' divider reported while they are folded is where it rests, so unfolding puts it back. Until the user drags
 * the prompts' divider or a remembered one is put back, it follows the window's height: the prompts take 40% of it but
 * leave the run bar and the results {@link #RESULTS_ROOM}, so a short screen still shows rows. FX thread.
 */
final class WorkbenchDividers {

    static final String MAIN = "main";
    /** The entry that remembers the folds: 1 for shown, 0 for folded, the setup bars then the prompts. */
    static final String SHOWN = "shown";
    /** The prompts' share of the split by default. */
    static final double PROMPTS_SHARE = 0.4;
    /** The height kept by default below the prompts: the run bar, the tabs, the figures, the bars and four rows or more. */
    static final double RESULTS_ROOM = 420;
    /** About a divider's width, in pixels. */
    static final double DIVIDER = 8;

    private final Map<String, SplitPane> panes = new LinkedHashMap<>();
    private final SplitPane main;
    private final Node prompts;
    private final BooleanProperty setupShown = new SimpleBooleanProperty(true);
    private final BooleanProperty promptsShown = new SimpleBooleanProperty(true);
    /** Where the prompts' divider rests while they are folded. */
    private double promptsShare;
    /** True until the user or a remembered window places the prompts' divider: it follows the height till then. */
    private boolean following = true;

    WorkbenchDividers(SplitPane main, Map<String, SplitPane> others, Node setupBars) {
        this.main = main;
        this.prompts = main.getItems().get(0);
        panes.put(MAIN, main);
        panes.putAll(others);
        promptsShare = main.getDividerPositions()[0];
        setupBars.visibleProperty().bind(setupShown);
        setupBars.managedProperty().bind(setupShown);
        promptsShown.addListener((obs, was, now) -> showPrompts(now));
        main.heightProperty().addListener((obs, old, height) -> follow(height.doubleValue()));
        main.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getTarget() instanceof Node pressed && onDivider(pressed)) {
                following = false; // the user places it from now on
            }
        });
    }

    /** The prompts' default share of a split {@code height} pixels high. */
    static double defaultShare(double height, double promptsMinimum) {
        // A divider's width above the prompts' minimum: a divider set on the minimum is pushed off it by the split.
        double least = promptsMinimum + DIVIDER;
        double prompts = Math.max(least, Math.min(PROMPTS_SHARE * height, height - RESULTS_ROOM));
        return Math.min(PROMPTS_SHARE, prompts / height);
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
            if (pane == main) {
                following = false;
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
            follow(main.getHeight()); // unplaced, they come back at the default, as they first opened
        } else if (!show && main.getItems().contains(prompts)) {
            promptsShare = main.getDividerPositions()[0];
            main.getItems().remove(prompts);
        }
    }

    /** Puts the prompts' divider at its default for {@code height} while nobody has placed it. */
    private void follow(double height) {
        if (!following || height <= 0) {
            return;
        }
        promptsShare = defaultShare(height, prompts.minHeight(-1));
        if (promptsShown.get()) {
            main.setDividerPositions(promptsShare);
            // And once more after this layout pass: the split, resizing now, puts the divider back where its own
            // proportions say.
            double share = promptsShare;
            Platform.runLater(() -> {
                if (following && promptsShown.get() && share == promptsShare) {
                    main.setDividerPositions(share);
                }
            });
        }
    }

    /** Whether {@code node} is (in) the main split's own divider, not a divider of a split pane inside it. */
    private boolean onDivider(Node node) {
        for (Node at = node; at != null && at != main; at = at.getParent()) {
            if (at.getStyleClass().contains("split-pane-divider")) {
                return at.getParent() == main;
            }
        }
        return false;
    }

    private static double flag(boolean on) {
        return on ? 1 : 0;
    }
}
