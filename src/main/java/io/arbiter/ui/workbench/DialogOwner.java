package io.arbiter.ui.workbench;

import javafx.scene.Parent;
import javafx.stage.Window;

/** The window a dialog of the workbench belongs to, and the stylesheet it wears; both null until shown. */
record DialogOwner(Parent root) {

    Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    String stylesheet() {
        return root.getScene() == null || root.getScene().getStylesheets().isEmpty()
                ? null
                : root.getScene().getStylesheets().get(0);
    }
}
