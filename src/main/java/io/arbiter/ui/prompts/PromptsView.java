package io.arbiter.ui.prompts;

import io.arbiter.ui.common.ViewLoader;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;

/** Two prompt editors side by side, each with a preview tab, and the problems that would stop a run. */
public final class PromptsView {

    private static final String HINT =
            "Placeholders: {{Column}} a dataset column · {{labels}} · {{reference}} · judge: {{base_answer}} "
                    + "{{examples}} {{scale}} · [user] starts the user message.";

    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    @FXML
    private Parent root;

    @FXML
    private TextArea baseEditor;

    @FXML
    private TextArea judgeEditor;

    @FXML
    private TextArea basePreview;

    @FXML
    private TextArea judgePreview;

    @FXML
    private Tab basePreviewTab;

    @FXML
    private Tab judgePreviewTab;

    @FXML
    private Label problemsLabel;

    @FXML
    private Label hintLabel;

    public PromptsView(PromptsViewModel model) {
        ViewLoader.load("/fxml/prompts/PromptsView.fxml", this);
        baseEditor.textProperty().bindBidirectional(model.baseTextProperty());
        judgeEditor.textProperty().bindBidirectional(model.judgeTextProperty());
        basePreview.textProperty().bind(model.basePreviewProperty());
        judgePreview.textProperty().bind(model.judgePreviewProperty());
        basePreviewTab.textProperty().bind(model.previewTitleProperty());
        judgePreviewTab.textProperty().bind(model.previewTitleProperty());
        hintLabel.setText(HINT);
        model.problems().addListener((ListChangeListener<String>) change -> showProblems(model));
        showProblems(model);
    }

    public Parent root() {
        return root;
    }

    private void showProblems(PromptsViewModel model) {
        boolean ok = model.problems().isEmpty();
        problemsLabel.setText(
                ok ? "✓ Both prompts can be rendered for every row." : "⚠ " + String.join("\n⚠ ", model.problems()));
        problemsLabel.pseudoClassStateChanged(PROBLEM, !ok);
    }
}
