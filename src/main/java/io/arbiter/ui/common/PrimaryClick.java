package io.arbiter.ui.common;

import javafx.event.EventHandler;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * A click handler that acts on the primary button only: a right-click on a chart opens its context menu and does
 * nothing else (it used to navigate as a left click does).
 */
public final class PrimaryClick {

    private PrimaryClick() {}

    /** Runs {@code action} on a primary-button click. */
    public static EventHandler<MouseEvent> of(Runnable action) {
        return e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                action.run();
            }
        };
    }
}
