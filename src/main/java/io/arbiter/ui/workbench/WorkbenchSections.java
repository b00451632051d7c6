package io.arbiter.ui.workbench;

import io.arbiter.ui.workbench.WorkbenchViewModel.LowerPane;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;

/**
 * The workbench's sections and the ways to reach them: the View menu (fold or show the setup bars and the prompts; go
 * to Data, Prompts, Run, Results, Judge analysis, Runs or Compare with Ctrl+1 to Ctrl+7), the switches beside the
 * menu bar, and the lower tabs kept in step with the model's lower pane. FX thread.
 */
final class WorkbenchSections {

    static final String SETUP_KEYS = "Shortcut+Shift+D";
    static final String PROMPTS_KEYS = "Shortcut+Shift+P";

    /** The parts of the window a key goes to; the setup bars and the prompts are shown first when folded. */
    record Places(Supplier<Node> setup, Supplier<Node> prompts, Supplier<Node> run, Supplier<Node> results) {}

    private final TabPane tabs;
    private final Map<LowerPane, Tab> tabOf;
    private final ObjectProperty<LowerPane> lowerPane;

    private WorkbenchSections(TabPane tabs, Map<LowerPane, Tab> tabOf, ObjectProperty<LowerPane> lowerPane) {
        this.tabs = tabs;
        this.tabOf = tabOf;
        this.lowerPane = lowerPane;
    }

    /**
     * Adds the View menu after Edit, binds the two switches to the folds, and keeps the selected tab and {@code
     * lowerPane} in step both ways.
     */
    static void install(
            MenuBar bar,
            WorkbenchDividers folds,
            List<ToggleButton> switches,
            Places places,
            TabPane tabs,
            Map<LowerPane, Tab> tabOf,
            ObjectProperty<LowerPane> lowerPane) {
        WorkbenchSections sections = new WorkbenchSections(tabs, tabOf, lowerPane);
        sections.followLowerPane();
        ToggleButton setupSwitch = switches.get(0);
        ToggleButton promptsSwitch = switches.get(1);
        setupSwitch.selectedProperty().bindBidirectional(folds.setupShownProperty());
        promptsSwitch.selectedProperty().bindBidirectional(folds.promptsShownProperty());
        setupSwitch.setTooltip(tip("Show or fold the dataset, provider and jury bars", SETUP_KEYS));
        promptsSwitch.setTooltip(tip("Show or fold the prompts", PROMPTS_KEYS));

        // The theme's View menu (WorkbenchMenus) may be there already: the sections go above its Theme submenu.
        Menu view = bar.getMenus().stream()
                .filter(menu -> "viewMenu".equals(menu.getId()))
                .findFirst()
                .orElseGet(() -> {
                    Menu made = new Menu("_View");
                    made.setId("viewMenu");
                    bar.getMenus().add(Math.min(2, bar.getMenus().size()), made);
                    return made;
                });
        boolean themed = !view.getItems().isEmpty();
        view.getItems()
                .addAll(
                        0,
                        List.of(
                                fold("Show the _setup bars", SETUP_KEYS, folds.setupShownProperty()),
                                fold("Show the _prompts", PROMPTS_KEYS, folds.promptsShownProperty()),
                                new SeparatorMenuItem(),
                                go(
                                        "_Data (columns, provider, jury)",
                                        1,
                                        () -> shown(
                                                folds.setupShownProperty(),
                                                places.setup().get())),
                                go(
                                        "P_rompts",
                                        2,
                                        () -> shown(
                                                folds.promptsShownProperty(),
                                                places.prompts().get())),
                                go("R_un", 3, () -> focus(places.run().get())),
                                go(
                                        "Res_ults",
                                        4,
                                        () -> sections.open(
                                                LowerPane.RESULTS,
                                                places.results().get())),
                                go("Judge _analysis", 5, () -> sections.open(LowerPane.ANALYSIS, tabs)),
                                go("Runs (_history)", 6, () -> sections.open(LowerPane.RUNS, tabs)),
                                go("_Compare", 7, () -> sections.open(LowerPane.COMPARE, tabs))));
        if (themed) {
            view.getItems().add(view.getItems().size() - 1, new SeparatorMenuItem());
        }
    }

    /** Keeps the selected tab and the model's lower pane in step, both ways. */
    private void followLowerPane() {
        lowerPane.addListener((obs, old, now) -> tabs.getSelectionModel().select(tabOf.get(now)));
        tabs.getSelectionModel()
                .selectedItemProperty()
                .addListener((obs, old, tab) -> tabOf.forEach((pane, at) -> {
                    if (at == tab) {
                        lowerPane.set(pane);
                    }
                }));
        tabs.getSelectionModel().select(tabOf.get(lowerPane.get()));
    }

    private void open(LowerPane pane, Node focus) {
        lowerPane.set(pane);
        focus(focus);
    }

    /** Shows a folded pane (the user asked to go there) and puts the focus in it. */
    private static void shown(BooleanProperty shown, Node focus) {
        shown.set(true);
        focus(focus);
    }

    private static void focus(Node node) {
        if (node != null) {
            node.requestFocus();
        }
    }

    private static CheckMenuItem fold(String text, String keys, BooleanProperty shown) {
        CheckMenuItem item = new CheckMenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(keys));
        item.selectedProperty().bindBidirectional(shown);
        return item;
    }

    private static MenuItem go(String text, int digit, Runnable action) {
        MenuItem item = new MenuItem("Go to " + text);
        item.setAccelerator(KeyCombination.keyCombination("Shortcut+" + digit));
        item.setOnAction(e -> action.run());
        return item;
    }

    private static Tooltip tip(String text, String keys) {
        return new Tooltip(text + " (" + KeyCombination.keyCombination(keys).getDisplayText() + ")");
    }
}
