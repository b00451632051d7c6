package io.arbiter.ui.labels;

import io.arbiter.ui.common.ViewLoader;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

/** The truth labels with their counts; select one, type a name, Rename (or merge into an existing label). */
public final class LabelsView {

    @FXML
    private Parent root;

    @FXML
    private Label titleLabel;

    @FXML
    private ListView<LabelsViewModel.LabelCount> labelList;

    @FXML
    private TextField renameField;

    @FXML
    private Button renameButton;

    @FXML
    private Label renamesLabel;

    @FXML
    private Button resetButton;

    public LabelsView(LabelsViewModel model) {
        ViewLoader.load("/fxml/labels/LabelsView.fxml", this);
        titleLabel.textProperty().bind(model.titleProperty());
        labelList.setItems(model.labels());
        labelList.setPlaceholder(new Label("Choose a truth column to see its labels."));
        renamesLabel.textProperty().bind(model.renamesTextProperty());
        resetButton.disableProperty().bind(model.renamesTextProperty().isEmpty());
        renameButton
                .disableProperty()
                .bind(Bindings.or(
                        labelList.getSelectionModel().selectedItemProperty().isNull(),
                        renameField.textProperty().isEmpty()));
        labelList.getSelectionModel().selectedItemProperty().addListener((obs, old, selected) -> {
            if (selected != null) {
                renameField.setText(selected.label());
            }
        });
        Runnable rename = () -> {
            LabelsViewModel.LabelCount selected = labelList.getSelectionModel().getSelectedItem();
            if (selected != null) {
                model.rename(selected.label(), renameField.getText());
            }
        };
        renameButton.setOnAction(e -> rename.run());
        renameField.setOnAction(e -> rename.run());
        resetButton.setOnAction(e -> model.resetRenames());
    }

    public Parent root() {
        return root;
    }
}
