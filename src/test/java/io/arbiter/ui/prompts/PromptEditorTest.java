package io.arbiter.ui.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.LabelSet;
import io.arbiter.ui.ArbiterApp;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The prompt editors: placeholders marked known or unknown where they stand, completion after "{{", and undo back to
 * what was there, all through the view model's text.
 */
@ExtendWith(ApplicationExtension.class)
class PromptEditorTest {

    private static final Dataset MOVIES =
            new Dataset("movies.csv", List.of("Title", "Overview", "Genre"), List.<String[]>of(new String[] {
                "Quiet Harbor", "A widow reopens her late husband's inn.", "Drama"
            }));
    private static final ColumnMapping MAPPING = new ColumnMapping(List.of("Overview"), "Genre", ",");

    private final PromptsViewModel model = new PromptsViewModel();

    @Start
    void start(Stage stage) {
        model.baseTextProperty().set("Pick one of {{labels}}.\n[user]\n{{Overview}} {{Synopsis}}");
        model.judgeTextProperty().set("Grade.\n[user]\n{{Overview}}\n{{base_answer}}");
        model.useDataset(MOVIES, MAPPING, LabelSet.fromTruth(MOVIES, MAPPING));
        PromptsView view = new PromptsView(model);
        Scene scene = new Scene(view.root(), 1100, 600);
        scene.getStylesheets()
                .add(ArbiterApp.class.getResource("/css/arbiter.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void columnsAndBuiltInsAreKnownAndAnUnknownNameIsMarkedInPlace(FxRobot robot) {
        CodeArea base = area(robot, "#baseEditor");
        String text = base.getText();

        assertEquals(List.of(PromptEditor.KNOWN), styleAt(base, text.indexOf("{{labels}}") + 3));
        assertEquals(List.of(PromptEditor.KNOWN), styleAt(base, text.indexOf("{{Overview}}") + 3));
        assertEquals(List.of(PromptEditor.UNKNOWN), styleAt(base, text.indexOf("{{Synopsis}}") + 3));
        assertEquals(List.of(), styleAt(base, text.indexOf("Pick")), "plain text stays plain");
        CodeArea judge = area(robot, "#judgeEditor");
        assertEquals(
                List.of(PromptEditor.KNOWN),
                styleAt(judge, judge.getText().indexOf("{{base_answer}}") + 3),
                "the judge is given the base answer");
    }

    @Test
    void anUnknownPlaceholderTypedIsMarkedOnceTheNameIsKnown(FxRobot robot) throws TimeoutException {
        CodeArea judge = area(robot, "#judgeEditor");
        robot.interact(() -> judge.replaceText("Grade {{Titel}}"));
        // An edit is marked once the burst of changes ends, not at once.
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> List.of(PromptEditor.UNKNOWN).equals(styleAt(judge, 9)));

        robot.clickOn(judge);
        robot.interact(() -> judge.moveTo(13));
        robot.type(KeyCode.BACK_SPACE, 2).write("le");
        // The marks follow the typing once it pauses.
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> List.of(PromptEditor.KNOWN).equals(styleAt(judge, 9)));
        assertEquals("Grade {{Title}}", model.judgeTextProperty().get());
    }

    @Test
    void typingTwoBracesOffersTheColumnsAndEnterInsertsOne(FxRobot robot) {
        CodeArea judge = area(robot, "#judgeEditor");
        robot.interact(() -> judge.replaceText("Movie: "));
        robot.clickOn(judge);
        robot.interact(() -> judge.moveTo(judge.getLength()));

        robot.write("{{");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<String> offered = robot.lookup(".placeholder-completion").queryListView();
        assertEquals(
                List.of("Title", "Overview", "Genre", "labels", "base_answer", "examples"),
                offered.getItems(),
                "the columns first, then what the judge is given");
        robot.type(KeyCode.ENTER);

        assertEquals("Movie: {{Title}}", model.judgeTextProperty().get());
        assertEquals(judge.getLength(), judge.getCaretPosition(), "typing goes on after the placeholder");
        assertFalse(offered.getScene().getWindow().isShowing());
    }

    @Test
    void typingNarrowsTheOfferAndEscapeClosesIt(FxRobot robot) {
        CodeArea base = area(robot, "#baseEditor");
        robot.interact(() -> base.replaceText(""));
        robot.clickOn(base);

        robot.write("{{ov");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<String> offered = robot.lookup(".placeholder-completion").queryListView();
        assertEquals(List.of("Overview"), offered.getItems());
        robot.type(KeyCode.ESCAPE);
        assertFalse(offered.getScene().getWindow().isShowing());
        assertEquals("{{ov", model.baseTextProperty().get());

        robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(offered.getScene().getWindow().isShowing(), "Ctrl+Space opens it again");
        robot.type(KeyCode.TAB);
        assertEquals("{{ov{{Title}}", model.baseTextProperty().get(), "away from '{{' it adds the braces");
    }

    @Test
    void undoTakesTypingBackAndTheModelFollows(FxRobot robot) {
        CodeArea base = area(robot, "#baseEditor");
        String before = base.getText();
        robot.clickOn(base);
        robot.interact(() -> base.moveTo(0));
        robot.write("Be brief. ");
        assertEquals("Be brief. " + before, model.baseTextProperty().get());

        robot.interact(base::undo);

        assertEquals(before, base.getText());
        assertEquals(before, model.baseTextProperty().get());
        robot.interact(base::redo);
        assertEquals("Be brief. " + before, model.baseTextProperty().get());
    }

    @Test
    void aPromptSetFromOutsideReplacesTheTextWithoutAnUndoStep(FxRobot robot) {
        CodeArea base = area(robot, "#baseEditor");

        robot.interact(() -> model.baseTextProperty().set("Answer with {{Genre}}"));

        assertEquals("Answer with {{Genre}}", base.getText());
        assertEquals(List.of(PromptEditor.KNOWN), styleAt(base, 15));
        assertFalse(base.isUndoAvailable(), "undo does not go back to another project's prompt");
    }

    private static CodeArea area(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(PromptEditor.class).area();
    }

    private static List<String> styleAt(CodeArea area, int at) {
        Collection<String> style = area.getStyleOfChar(at);
        return List.copyOf(style);
    }
}
