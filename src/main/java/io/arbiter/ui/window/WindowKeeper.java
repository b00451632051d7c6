package io.arbiter.ui.window;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Places the main window by {@link WindowPlacement} and remembers, as it closes, its size, position, maximised state
 * and divider positions. FX thread, except {@link #save()}, which writes the file.
 */
public final class WindowKeeper {

    private final Stage stage;
    private final WindowStateStore store;
    private final Supplier<Map<String, List<Double>>> dividers;
    /** The window's bounds when last not maximised: a maximised window remembers where it goes back to. */
    private Rectangle2D normal;

    private WindowState closing;

    private WindowKeeper(Stage stage, WindowStateStore store, Supplier<Map<String, List<Double>>> dividers) {
        this.stage = stage;
        this.store = store;
        this.dividers = dividers;
    }

    /**
     * Places {@code stage} (call before it is shown) where {@code saved} says, sets the dividers it remembers through
     * {@code useDividers}, and records the state as the window hides, reading the dividers from {@code dividers}.
     */
    public static WindowKeeper keep(
            Stage stage,
            WindowStateStore store,
            Optional<WindowState> saved,
            Supplier<Map<String, List<Double>>> dividers,
            Consumer<Map<String, List<Double>>> useDividers) {
        WindowKeeper keeper = new WindowKeeper(stage, store, dividers);
        List<Rectangle2D> screens =
                Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        WindowPlacement place = WindowPlacement.of(saved, Screen.getPrimary().getVisualBounds(), screens);
        Rectangle2D bounds = place.bounds();
        keeper.normal = place.maximized() && saved.isPresent()
                ? new Rectangle2D(
                        saved.get().x(),
                        saved.get().y(),
                        saved.get().width(),
                        saved.get().height())
                : bounds;
        // Set the bounds as well as the flag: without a window manager (Xvfb) maximising does nothing.
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        stage.setMaximized(place.maximized());
        saved.ifPresent(s -> useDividers.accept(s.dividers()));
        stage.xProperty().addListener((obs, old, now) -> keeper.noteNormal());
        stage.yProperty().addListener((obs, old, now) -> keeper.noteNormal());
        stage.widthProperty().addListener((obs, old, now) -> keeper.noteNormal());
        stage.heightProperty().addListener((obs, old, now) -> keeper.noteNormal());
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> keeper.closing = keeper.state());
        return keeper;
    }

    /** The state to remember now. */
    public WindowState state() {
        Rectangle2D at = stage.isMaximized() ? normal : bounds();
        return new WindowState(
                at.getMinX(), at.getMinY(), at.getWidth(), at.getHeight(), stage.isMaximized(), dividers.get());
    }

    /** Writes the state recorded as the window hid (or the state now, if it has not hidden). */
    public void save() throws IOException {
        store.save(closing != null ? closing : state());
    }

    private void noteNormal() {
        if (!stage.isMaximized() && stage.getWidth() > 0 && stage.getHeight() > 0) {
            normal = bounds();
        }
    }

    private Rectangle2D bounds() {
        return new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    }
}
