package io.arbiter.ui;

import io.arbiter.core.dataset.Samples;
import io.arbiter.ui.common.FxTaskExecutor;
import io.arbiter.ui.results.ResultsTableRow;
import io.arbiter.ui.workbench.WorkbenchViewModel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench in a real (headless) window, opened on the bundled sample, for UI tests to drive. */
@ExtendWith(ApplicationExtension.class)
abstract class WorkbenchUiTest {

    protected FxTaskExecutor executor;
    protected WorkbenchViewModel model;
    protected Stage stage;

    // TestFX's @Start is not looked up in superclasses, so the stage is set up here, after the extension has
    // registered the primary stage.
    @BeforeEach
    void openWorkbench() throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(primary -> {
            executor = new FxTaskExecutor();
            model = new WorkbenchViewModel(executor);
            primary.setScene(ArbiterApp.createScene(model));
            primary.setWidth(1500);
            primary.setHeight(940);
            primary.show();
            model.datasetSetup().openSample();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() {
        model.shutdown();
        executor.shutdown();
    }

    /** Presses Run and waits until both stages are over and the results are on screen. */
    protected void runToEnd(FxRobot robot) throws TimeoutException {
        runToEnd(robot, "#runButton");
    }

    /** Presses the button that starts a run ({@code #runButton}, {@code #tryButton}) and waits for the results. */
    protected void runToEnd(FxRobot robot, String button) throws TimeoutException {
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> model.datasetProperty().get() != null);
        robot.clickOn(button);
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> model.run().runningProperty().get()
                        || model.results().hasResultsProperty().get());
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> !model.run().runningProperty().get()
                        && model.results().hasResultsProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Sizes the window to {@code width} by {@code height} at the screen's corner and waits until its layout holds. */
    protected void sizeWindow(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        // The bars rewrap over a few pulses after a resize: wait until the layout holds still.
        double y = Double.NaN;
        for (int pulse = 0; pulse < 20 && y != tabStripY(robot); pulse++) {
            y = tabStripY(robot);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** Where the lower tabs' strip is on screen: what moves when anything above it changes height. */
    protected static double tabStripY(FxRobot robot) {
        Node strip = robot.lookup("#lowerTabs .tab-header-area").query();
        return strip.localToScreen(strip.getBoundsInLocal()).getMinY();
    }

    /** Sizes the window to {@code width} by {@code height}, runs the sample to its end and returns the results table. */
    protected TableView<ResultsTableRow> runAt(FxRobot robot, double width, double height) throws TimeoutException {
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        TableView<ResultsTableRow> table = robot.lookup("#resultsTable").queryTableView();
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> table.getItems().size() == Samples.movies().size());
        runToEnd(robot);
        return table;
    }

    /** Selects the table's first row and gives the table the keyboard, as a reviewer starts. */
    protected static void focusFirstRow(FxRobot robot, TableView<ResultsTableRow> table) {
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    protected static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
