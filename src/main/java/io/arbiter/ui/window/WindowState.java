package io.arbiter.ui.window;

import java.util.List;
import java.util.Map;

/**
 * What the main window remembers between launches: its bounds when not maximised, whether it was maximised, and the
 * divider positions of its split panes by name.
 */
public record WindowState(
        double x, double y, double width, double height, boolean maximized, Map<String, List<Double>> dividers) {

    public WindowState {
        dividers = dividers == null ? Map.of() : Map.copyOf(dividers);
    }

    /** The divider positions saved for {@code pane}, none when nothing was saved. */
    public List<Double> dividers(String pane) {
        return dividers.getOrDefault(pane, List.of());
    }
}
