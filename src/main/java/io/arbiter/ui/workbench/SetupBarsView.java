package io.arbiter.ui.workbench;

import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.ProviderSettings;
import io.arbiter.core.run.RunMode;
import io.arbiter.ui.common.ViewLoader;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/**
 * The setup bars above the prompts: the dataset's columns, the provider with its models, concurrency and mode, and
 * the jury. Moved out of the workbench view so the View menu can fold them as one.
 */
final class SetupBarsView {

    @FXML
    private Parent root;

    @FXML
    private Label datasetLabel;

    @FXML
    private ComboBox<String> inputColumnBox;

    @FXML
    private ComboBox<String> truthColumnBox;

    @FXML
    private TextField separatorField;

    @FXML
    private ComboBox<ProviderSettings> providerBox;

    @FXML
    private Button providersButton;

    @FXML
    private TextField baseModelField;

    @FXML
    private TextField judgeModelField;

    @FXML
    private Spinner<Integer> concurrencySpinner;

    @FXML
    private ComboBox<RunMode> modeBox;

    @FXML
    private Label keyHintLabel;

    @FXML
    private TextField alsoJudgedByField;

    @FXML
    private Spinner<Integer> repeatsSpinner;

    @FXML
    private CheckBox shuffleLabelsCheck;

    private final Runnable openProviderSettings;

    /** Binds the bars to {@code data} and {@code choice}; {@code openProviderSettings} is the Providers… button. */
    SetupBarsView(
            DatasetSetup data, ProviderChoice choice, ObservableBooleanValue running, Runnable openProviderSettings) {
        this.openProviderSettings = openProviderSettings;
        ViewLoader.load("/fxml/workbench/SetupBarsView.fxml", this);
        bindDatasetBar(data, running);
        bindProviderBar(choice, running);
    }

    Parent root() {
        return root;
    }

    /** Where Go to Data puts the focus. */
    Node firstField() {
        return inputColumnBox;
    }

    /** The dataset's name and the columns it is read with; they stay while a run goes. */
    private void bindDatasetBar(DatasetSetup data, ObservableBooleanValue running) {
        datasetLabel.textProperty().bind(data.summaryProperty());
        inputColumnBox.setItems(data.columns());
        inputColumnBox.valueProperty().bindBidirectional(data.inputColumnProperty());
        truthColumnBox.setItems(data.truthChoices());
        truthColumnBox.valueProperty().bindBidirectional(data.truthColumnProperty());
        separatorField.textProperty().bindBidirectional(data.truthSeparatorProperty());
        for (Node control : new Node[] {inputColumnBox, truthColumnBox, separatorField}) {
            control.disableProperty().bind(running);
        }
    }

    /** The provider, its models, concurrency and mode; they stay while a run goes. */
    private void bindProviderBar(ProviderChoice choice, ObservableBooleanValue running) {
        providersButton.setOnAction(e -> openProviderSettings.run());
        keyHintLabel.textProperty().bind(choice.keyHintProperty());
        providerBox.setItems(choice.providers());
        providerBox.setConverter(new ProviderNames(choice.providers()));
        providerBox.valueProperty().bindBidirectional(choice.providerProperty());
        baseModelField.textProperty().bindBidirectional(choice.baseModelProperty());
        judgeModelField.textProperty().bindBidirectional(choice.judgeModelProperty());
        concurrencySpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                1, ProviderProfile.MAX_CONCURRENCY, choice.concurrencyProperty().get()));
        concurrencySpinner.getValueFactory().valueProperty().bindBidirectional(choice.concurrencyProperty());
        modeBox.getItems().setAll(RunMode.values());
        modeBox.valueProperty().bindBidirectional(choice.modeProperty());
        modeBox.disableProperty()
                .bind(Bindings.or(running, choice.batchAvailableProperty().not()));
        modeBox.setTooltip(new Tooltip(
                "Batch API: half the price, answers within 24 h; only for providers that offer it (see Providers…)"));
        alsoJudgedByField.textProperty().bindBidirectional(choice.alsoJudgedByProperty());
        repeatsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 9, 1));
        repeatsSpinner.getValueFactory().valueProperty().bindBidirectional(choice.repeatsProperty());
        shuffleLabelsCheck.selectedProperty().bindBidirectional(choice.shuffleLabelsProperty());
        shuffleLabelsCheck
                .disableProperty()
                .bind(Bindings.or(running, choice.repeatsProperty().isEqualTo(1)));
        for (Node control : new Node[] {
            providerBox, baseModelField, judgeModelField, alsoJudgedByField, repeatsSpinner, concurrencySpinner
        }) {
            control.disableProperty().bind(running);
        }
    }
}
