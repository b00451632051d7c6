package io.arbiter.ui.workbench;

import io.arbiter.ui.theme.ThemeChoice;
import io.arbiter.ui.theme.ThemeStylesheet;
import io.arbiter.ui.theme.ThemeViewModel;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * The View menu: Theme > System, Light, Dark, radio items that show and make the user's choice; from here the
 * workbench's palette is put on screen. FX thread.
 */
final class ThemeMenu {

    private static final Map<ThemeChoice, String> NAMES = Map.of(
            ThemeChoice.SYSTEM, "_System (as the OS prefers)",
            ThemeChoice.LIGHT, "_Light",
            ThemeChoice.DARK, "_Dark");
    private static final Map<ThemeChoice, String> IDS = Map.of(
            ThemeChoice.SYSTEM, "themeSystemItem",
            ThemeChoice.LIGHT, "themeLightItem",
            ThemeChoice.DARK, "themeDarkItem");

    private ThemeMenu() {}

    /** The View menu ({@code viewMenu}) with its Theme submenu ({@code themeMenu}). */
    static Menu view(ThemeViewModel theme) {
        ToggleGroup group = new ToggleGroup();
        Map<ThemeChoice, RadioMenuItem> items = new EnumMap<>(ThemeChoice.class);
        for (ThemeChoice choice : ThemeChoice.values()) {
            RadioMenuItem item = new RadioMenuItem(NAMES.get(choice));
            item.setId(IDS.get(choice));
            item.setToggleGroup(group);
            item.setOnAction(e -> theme.choose(choice));
            items.put(choice, item);
        }
        items.get(theme.choiceProperty().get()).setSelected(true);
        theme.choiceProperty().addListener((obs, old, now) -> items.get(now).setSelected(true));
        ThemeStylesheet.follow(theme);
        Menu themes = new Menu("_Theme", null, items.values().toArray(RadioMenuItem[]::new));
        themes.setId("themeMenu");
        Menu view = new Menu("_View", null, themes);
        view.setId("viewMenu");
        return view;
    }
}
