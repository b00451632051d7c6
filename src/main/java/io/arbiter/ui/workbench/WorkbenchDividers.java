package io.arbiter.ui.workbench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The workbench's split panes by name. The prompts fold up while a tab that needs the height is open; the positions
 * reported and restored are the resting ones, so a window closed on Judge analysis does not reopen folded. FX thread.
 */
final class WorkbenchDividers {

    /** How much of the height the prompts keep while the analysis or compare tab is open. */
    private static final double FOLDED_PROMPTS_SHARE = 0.06;

    static final String MAIN = "main";

    private final Map<String, SplitPane> panes = new LinkedHashMap<>();
    private final SplitPane main;
    /** Where the prompts rest while folded. */
    private double promptsShare;

    private boolean folded;

    WorkbenchDividers(SplitPane main, Map<String, SplitPane> others, TabPane lowerTabs, Predicate<Tab> tall) {
        this.main = main;
        panes.put(MAIN, main);
        panes.putAll(others);
        promptsShare = main.getDividerPositions()[0];
        lowerTabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            boolean nowTall = tall.test(tab);
            if (nowTall && !folded) {
                promptsShare = main.getDividerPositions()[0];
                main.setDividerPositions(FOLDED_PROMPTS_SHARE);
                folded = true;
            } else if (!nowTall && folded) {
                main.setDividerPositions(promptsShare);
                folded = false;
            }
        });
    }

    /** Each pane's divider positions, the prompts' where they rest. */
    Map<String, List<Double>> positions() {
        Map<String, List<Double>> positions = new LinkedHashMap<>();
        panes.forEach((name, pane) -> positions.put(
                name,
                pane == main && folded
                        ? List.of(promptsShare)
                        : Arrays.stream(pane.getDividerPositions()).boxed().toList()));
        return positions;
    }

    /** Puts the dividers where {@code positions} says; a pane whose count of dividers differs is left alone. */
    void use(Map<String, List<Double>> positions) {
        positions.forEach((name, at) -> {
            SplitPane pane = panes.get(name);
            if (pane == null
                    || at.size() != pane.getDividers().size()
                    || at.stream().anyMatch(p -> p == null || !(p > 0 && p < 1))) {
                return;
            }
            if (pane == main && folded) {
                promptsShare = at.get(0);
            } else {
                pane.setDividerPositions(
                        at.stream().mapToDouble(Double::doubleValue).toArray());
            }
        });
    }
}
