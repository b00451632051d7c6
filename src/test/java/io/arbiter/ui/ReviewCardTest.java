package io.arbiter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.Samples;
import java.util.List;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.VBox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The review card beside the table: what a reviewer decides on comes first, the prompts folded below. */
class ReviewCardTest extends WorkbenchUiTest {

    @ParameterizedTest
    @CsvSource({"1366, 768", "1920, 1080"})
    void theVerdictAndReasoningComeBeforeTheFoldedPrompts(double width, double height, FxRobot robot) throws Exception {
        showFirstRow(robot, width, height);
        TitledPane prompts = robot.lookup("#detailPromptsPane").queryAs(TitledPane.class);
        assertFalse(prompts.isExpanded(), "the prompts are folded away");

        List<String> order = List.of(
                "#detailInput",
                "#detailBaseRaw",
                "#detailTruth",
                "#detailJudgeParsed",
                "#detailJudgeReasoning",
                "#detailJudgeRaw",
                "#detailPromptsPane");
        List<String> shown = order.stream().filter(id -> shown(robot, id)).toList();
        for (int i = 1; i < shown.size(); i++) {
            assertTrue(
                    y(robot, shown.get(i - 1)) < y(robot, shown.get(i)),
                    "input, answer, truth, verdict, reasoning, judge output, then prompts: " + shown.get(i - 1)
                            + " above " + shown.get(i));
        }
        assertEquals(
                order.stream().filter(id -> !id.equals("#detailJudgeReasoning")).toList(), shown, "all shown");
        assertEquals(Samples.movies().value(0, "Overview"), text(robot, "#detailInput"));
        assertEquals(Samples.movies().value(0, "Genre"), text(robot, "#detailTruth"));
        assertTrue(text(robot, "#detailJudgeParsed").startsWith("Prediction: "), text(robot, "#detailJudgeParsed"));
        // Nothing shown below the folded prompts: whatever else the card says comes before them.
        VBox body = robot.lookup("#detailBody").queryAs(VBox.class);
        Node last = body.getChildren().stream()
                .filter(Node::isManaged)
                .filter(Node::isVisible)
                .reduce((first, second) -> second)
                .orElseThrow();
        assertEquals("detailPromptsPane", last.getId());
    }

    @ParameterizedTest
    @CsvSource({"1366, 768", "1920, 1080"})
    void theWheelScrollsTheCardNotABoxInsideIt(double width, double height, FxRobot robot) throws Exception {
        showFirstRow(robot, width, height);
        ScrollPane card = robot.lookup(".detail-scroll").queryAs(ScrollPane.class);
        assertTrue(card.lookupAll(".text-area").isEmpty(), "no text box of its own to catch the wheel");
        robot.interact(() ->
                robot.lookup("#detailPromptsPane").queryAs(TitledPane.class).setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, card.getVvalue());

        // The wheel over the judge's output, as the window would deliver it (the headless robot has no wheel).
        Node over = robot.lookup("#detailJudgeRaw").query();
        robot.interact(() -> Event.fireEvent(over, wheelDown()));
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(
                card.getVvalue() > 0,
                "the card scrolled: content " + card.getContent().getLayoutBounds() + " in "
                        + card.getViewportBounds());
    }

    private void showFirstRow(FxRobot robot, double width, double height) throws Exception {
        focusFirstRow(robot, runAt(robot, width, height));
    }

    private static ScrollEvent wheelDown() {
        return new ScrollEvent(
                ScrollEvent.SCROLL,
                5,
                5,
                5,
                5,
                false,
                false,
                false,
                false,
                false,
                false,
                0,
                -120,
                0,
                -120,
                ScrollEvent.HorizontalTextScrollUnits.NONE,
                0,
                ScrollEvent.VerticalTextScrollUnits.NONE,
                0,
                0,
                null);
    }

    /** Whether the node {@code id} takes room in the card: it and the boxes it sits in within the card are shown. */
    private static boolean shown(FxRobot robot, String id) {
        Node body = robot.lookup("#detailBody").query();
        for (Node node = robot.lookup(id).query(); node != null && node != body; node = node.getParent()) {
            if (!node.isVisible() || !node.isManaged()) {
                return false;
            }
        }
        return true;
    }

    private static double y(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        return node.localToScene(node.getBoundsInLocal()).getMinY();
    }
}
