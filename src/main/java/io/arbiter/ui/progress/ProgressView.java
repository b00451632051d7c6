package io.arbiter.ui.progress;

import io.arbiter.ui.common.ViewLoader;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableIntegerValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;

/** Run and Cancel, and one progress bar per stage. */
public final class ProgressView {

    @FXML
    private Parent root;

    @FXML
    private Button runButton;

    @FXML
    private Button cancelButton;

    @FXML
    private Button retryButton;

    @FXML
    private Button tryButton;

    @FXML
    private ProgressBar baseBar;

    @FXML
    private ProgressBar judgeBar;

    @FXML
    private Label baseStageName;

    @FXML
    private Label judgeStageName;

    @FXML
    private Label baseCount;

    @FXML
    private Label judgeCount;

    @FXML
    private Label messageLabel;

    @FXML
    private Label estimateLabel;

    /**
     * {@code onRun} starts a run with whatever the rest of the workbench holds; {@code onRetry} runs again what the
     * last run covered; {@code onTry} runs the {@code selectedRows} rows selected in the results only.
     */
    public ProgressView(
            ProgressViewModel model,
            Runnable onRun,
            Runnable onRetry,
            Runnable onTry,
            ObservableIntegerValue selectedRows) {
        ViewLoader.load("/fxml/progress/ProgressView.fxml", this);
        baseBar.progressProperty().bind(model.baseProgressProperty());
        judgeBar.progressProperty().bind(model.judgeProgressProperty());
        baseStageName.textProperty().bind(model.baseTitleProperty());
        judgeStageName.textProperty().bind(model.judgeTitleProperty());
        baseCount.textProperty().bind(model.baseCountProperty());
        judgeCount.textProperty().bind(model.judgeCountProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        estimateLabel.textProperty().bind(model.estimateProperty());
        runButton.disableProperty().bind(model.runningProperty());
        cancelButton.disableProperty().bind(model.runningProperty().not());
        runButton.setOnAction(e -> onRun.run());
        cancelButton.setOnAction(e -> model.cancel());
        // Every answer already received is kept (session cache or project), so running again sends only the rows
        // that have none: retrying the failed rows is a run, named for what it does.
        retryButton
                .visibleProperty()
                .bind(model.failedRowsProperty()
                        .greaterThan(0)
                        .and(model.runningProperty().not()));
        retryButton.managedProperty().bind(retryButton.visibleProperty());
        retryButton
                .textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> ProgressViewModel.retryLabel(
                                model.failedRowsProperty().get()),
                        model.failedRowsProperty()));
        retryButton.setOnAction(e -> onRetry.run());
        tryButton.disableProperty().bind(model.runningProperty().or(Bindings.equal(0, selectedRows)));
        tryButton
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> selectedRows.get() < 2
                                ? "Try on selection"
                                : String.format(Locale.ROOT, "Try on %,d rows", selectedRows.get()),
                        selectedRows));
        tryButton.setTooltip(new Tooltip("Runs both stages on the rows selected in the results only, in realtime, as a "
                + "draft run (Shift- or Ctrl-click selects several)."));
        tryButton.setOnAction(e -> onTry.run());
    }

    public Parent root() {
        return root;
    }
}
