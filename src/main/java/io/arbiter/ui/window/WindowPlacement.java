package io.arbiter.ui.window;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Where the main window opens: where it was, if that is still on a screen now, else centred on the primary screen at
 * the preferred size, or maximised when that screen is smaller. Always within a screen's visual bounds, so the menu
 * bar, Run and the status bar are never off-screen.
 */
public record WindowPlacement(Rectangle2D bounds, boolean maximized) {

    public static final double PREFERRED_WIDTH = 1500;
    public static final double PREFERRED_HEIGHT = 940;
    /** How much of a remembered title bar must lie on a screen, across and down, for its place to count. */
    static final double GRIP_WIDTH = 120;

    static final double GRIP_HEIGHT = 24;

    /**
     * The placement for a window that remembers {@code saved}, given the primary screen's visual bounds and every
     * screen's visual bounds now.
     */
    public static WindowPlacement of(Optional<WindowState> saved, Rectangle2D primary, List<Rectangle2D> screens) {
        if (saved.isPresent()) {
            WindowState state = saved.get();
            Optional<Rectangle2D> screen =
                    screens.stream().filter(s -> holdsTitleBar(s, state)).findFirst();
            if (screen.isPresent()) {
                Rectangle2D fitted = fit(state, screen.get());
                return new WindowPlacement(state.maximized() ? screen.get() : fitted, state.maximized());
            }
        }
        if (primary.getWidth() < PREFERRED_WIDTH || primary.getHeight() < PREFERRED_HEIGHT) {
            return new WindowPlacement(primary, true);
        }
        return new WindowPlacement(
                new Rectangle2D(
                        primary.getMinX() + (primary.getWidth() - PREFERRED_WIDTH) / 2,
                        primary.getMinY() + (primary.getHeight() - PREFERRED_HEIGHT) / 2,
                        PREFERRED_WIDTH,
                        PREFERRED_HEIGHT),
                false);
    }

    /** The remembered size no larger than the screen, moved as little as needed to lie wholly on it. */
    private static Rectangle2D fit(WindowState state, Rectangle2D screen) {
        double width = Math.min(state.width(), screen.getWidth());
        double height = Math.min(state.height(), screen.getHeight());
        double x = Math.max(screen.getMinX(), Math.min(state.x(), screen.getMaxX() - width));
        double y = Math.max(screen.getMinY(), Math.min(state.y(), screen.getMaxY() - height));
        return new Rectangle2D(x, y, width, height);
    }

    /** Whether enough of the window's top edge lies on {@code screen} to grab it there. */
    private static boolean holdsTitleBar(Rectangle2D screen, WindowState state) {
        double across = Math.min(state.x() + state.width(), screen.getMaxX()) - Math.max(state.x(), screen.getMinX());
        boolean topOnScreen = state.y() >= screen.getMinY() && state.y() + GRIP_HEIGHT <= screen.getMaxY();
        return topOnScreen && across >= Math.min(GRIP_WIDTH, state.width());
    }
}
