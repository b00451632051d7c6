package io.arbiter.ui.workbench;

import java.util.List;
import javafx.scene.control.MenuBar;

/** Lets UI tests outside the package read the shortcut list the Help menu shows. */
public final class ShortcutsProbe {

    private ShortcutsProbe() {}

    public static List<String> shortcuts(MenuBar bar) {
        return WorkbenchMenus.shortcuts(bar);
    }
}
