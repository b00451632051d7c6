package io.arbiter.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The folds are remembered with the dividers, and the prompts come back at the height they had when folded. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchDividersTest {

    private record Window(WorkbenchDividers dividers, SplitPane main, StackPane prompts, VBox setup) {}

    private static Window window() {
        StackPane prompts = new StackPane();
        SplitPane main = new SplitPane(prompts, new StackPane());
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.4);
        SplitPane results = new SplitPane(new StackPane(), new StackPane());
        results.setDividerPositions(0.6);
        VBox setup = new VBox();
        return new Window(new WorkbenchDividers(main, Map.of("results", results), setup), main, prompts, setup);
    }

    @Test
    void foldedPanesAreRememberedAndComeBackWhereTheyRested(FxRobot robot) {
        AtomicReference<Map<String, List<Double>>> saved = new AtomicReference<>();
        robot.interact(() -> {
            Window first = window();
            first.main().setDividerPositions(0.3);
            first.dividers().promptsShownProperty().set(false);
            first.dividers().setupShownProperty().set(false);
            assertFalse(first.main().getItems().contains(first.prompts()));
            assertFalse(first.setup().isVisible() || first.setup().isManaged());
            saved.set(first.dividers().positions());
        });
        // Worked by hand: the main divider rests at 0.3 while folded; both panes are folded (0, 0).
        assertEquals(List.of(0.3), saved.get().get(WorkbenchDividers.MAIN));
        assertEquals(List.of(0.0, 0.0), saved.get().get(WorkbenchDividers.SHOWN));

        robot.interact(() -> {
            Window next = window();
            next.dividers().use(saved.get());
            assertFalse(next.main().getItems().contains(next.prompts()), "the prompts open folded");
            assertFalse(next.setup().isVisible(), "the setup bars open folded");
            assertEquals(0.6, next.dividers().positions().get("results").get(0), 1e-9);

            next.dividers().promptsShownProperty().set(true);
            assertTrue(next.main().getItems().contains(next.prompts()));
            assertEquals(0, next.main().getItems().indexOf(next.prompts()), "above the run bar and the tabs");
            assertEquals(0.3, next.main().getDividerPositions()[0], 1e-9, "where they rested");
        });
    }

    @Test
    void aWindowRememberedBeforeFoldsExistedOpensWithEverythingShown(FxRobot robot) {
        robot.interact(() -> {
            Window old = window();
            old.dividers().use(Map.of(WorkbenchDividers.MAIN, List.of(0.25)));
            assertTrue(old.main().getItems().contains(old.prompts()));
            assertTrue(old.setup().isVisible());
            assertEquals(0.25, old.main().getDividerPositions()[0], 1e-9);
            assertEquals(List.of(1.0, 1.0), old.dividers().positions().get(WorkbenchDividers.SHOWN));
        });
    }

    @Test
    void theDefaultDividerLeavesTheResultsTheirRoomUntilAUserOrARememberedWindowPlacesIt(FxRobot robot) {
        robot.interact(() -> {
            Window tall = window();
            tall.prompts().setMinHeight(80);
            tall.main().resize(1600, 1000);
            // Worked by hand: 40% of 1000 is 400, which leaves 600 >= the results' room: the plain 40%.
            assertEquals(0.4, tall.main().getDividerPositions()[0], 1e-9);

            tall.main().resize(1600, 600);
            // 40% of 600 would leave 360: the prompts get 600 - RESULTS_ROOM instead, but never below their 80 (and
            // a divider's width, which keeps the split from pushing the divider off their minimum).
            double prompts = Math.max(80 + WorkbenchDividers.DIVIDER, 600 - WorkbenchDividers.RESULTS_ROOM);
            assertEquals(prompts / 600, tall.main().getDividerPositions()[0], 1e-9);
            tall.dividers().promptsShownProperty().set(false);
            tall.main().resize(1600, 1000);
            tall.dividers().promptsShownProperty().set(true);
            assertEquals(0.4, tall.main().getDividerPositions()[0], 1e-9, "unfolded at the default for the height now");

            Window remembered = window();
            remembered.prompts().setMinHeight(80);
            remembered.dividers().use(Map.of(WorkbenchDividers.MAIN, List.of(0.45)));
            remembered.main().resize(1600, 600);
            assertEquals(0.45, remembered.main().getDividerPositions()[0], 1e-9, "the user's own place stays");
        });
    }
}
