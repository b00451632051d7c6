package io.arbiter.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowPlacementTest {

    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 740); // 768 less a 28 px panel
    private static final Rectangle2D DESKTOP = new Rectangle2D(0, 0, 1920, 1050);
    private static final Rectangle2D RIGHT_SCREEN = new Rectangle2D(1920, 0, 1280, 1024);

    @Test
    void aSmallScreenOpensMaximisedWithinItsVisualBounds() {
        WindowPlacement place = WindowPlacement.of(Optional.empty(), LAPTOP, List.of(LAPTOP));

        assertTrue(place.maximized());
        assertEquals(LAPTOP, place.bounds());
    }

    @Test
    void aLargeScreenOpensCentredAtThePreferredSize() {
        WindowPlacement place = WindowPlacement.of(Optional.empty(), DESKTOP, List.of(DESKTOP));

        assertFalse(place.maximized());
        // (1920 - 1500) / 2 = 210 across, (1050 - 940) / 2 = 55 down
        assertEquals(new Rectangle2D(210, 55, 1500, 940), place.bounds());
    }

    @Test
    void aRememberedPlaceOnAScreenIsKept() {
        WindowState saved = new WindowState(2000, 100, 1100, 800, false, Map.of());

        WindowPlacement place = WindowPlacement.of(Optional.of(saved), DESKTOP, List.of(DESKTOP, RIGHT_SCREEN));

        assertEquals(new Rectangle2D(2000, 100, 1100, 800), place.bounds());
        assertFalse(place.maximized());
    }

    @Test
    void aRememberedPlaceOffEveryScreenIsIgnored() {
        // It was on the right-hand screen, which is gone now.
        WindowState saved = new WindowState(2000, 100, 1100, 800, false, Map.of());

        WindowPlacement place = WindowPlacement.of(Optional.of(saved), DESKTOP, List.of(DESKTOP));

        assertEquals(new Rectangle2D(210, 55, 1500, 940), place.bounds());
    }

    @Test
    void aTitleBarAboveTheScreenIsOffIt() {
        WindowState saved = new WindowState(100, -200, 1000, 700, false, Map.of());

        WindowPlacement place = WindowPlacement.of(Optional.of(saved), DESKTOP, List.of(DESKTOP));

        assertEquals(new Rectangle2D(210, 55, 1500, 940), place.bounds());
    }

    @Test
    void aRememberedWindowLargerThanItsScreenNowIsShrunkOntoIt() {
        WindowState saved = new WindowState(300, 20, 1500, 940, false, Map.of());

        WindowPlacement place = WindowPlacement.of(Optional.of(saved), LAPTOP, List.of(LAPTOP));

        // 1500 wide on 1366: shrunk to 1366 at x 0; 940 high on 740: shrunk to 740 at y 0
        assertEquals(new Rectangle2D(0, 0, 1366, 740), place.bounds());
        assertFalse(place.maximized());
    }

    @Test
    void aRememberedMaximisedWindowFillsItsScreen() {
        WindowState saved = new WindowState(2100, 50, 900, 600, true, Map.of());

        WindowPlacement place = WindowPlacement.of(Optional.of(saved), DESKTOP, List.of(DESKTOP, RIGHT_SCREEN));

        assertTrue(place.maximized());
        assertEquals(RIGHT_SCREEN, place.bounds());
    }

    @Test
    void theStoreKeepsStateAndDividers(@TempDir Path dir) throws Exception {
        WindowStateStore store = WindowStateStore.inDirectory(dir);
        WindowState state =
                new WindowState(10, 20, 1200, 700, true, Map.of("main", List.of(0.3), "results", List.of(0.6)));

        store.save(state);

        assertEquals(Optional.of(state), store.load());
        assertEquals(List.of(0.3), store.load().orElseThrow().dividers("main"));
    }

    @Test
    void anUnreadableStoreIsNoState(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(WindowStateStore.FILE_NAME), "{not json");

        assertTrue(WindowStateStore.inDirectory(dir).load().isEmpty());
        assertTrue(WindowStateStore.inDirectory(dir.resolve("none")).load().isEmpty());
    }
}
