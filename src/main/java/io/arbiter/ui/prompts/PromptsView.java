package io.arbiter.ui.prompts;

import io.arbiter.ui.common.ViewLoader;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;

/**
 * Two prompt editors side by side, each with a preview tab, and the problems that would stop a run; a generated pair
 * adds a "Base prompt B" tab with model B beside the base prompt.
 */
public final class PromptsView {

    private static final String HINT =
            "Placeholders: {{Column}} a dataset column · {{labels}} · {{reference}} · judge: {{base_answer}} "
                    + "{{examples}} {{scale}}, pairwise {{answer_a}} {{answer_b}} · [user] starts the user message.";

    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    @FXML
    private Parent root;

    @FXML
    private PromptEditor baseEditor;

    @FXML
    private PromptEditor judgeEditor;

    @FXML
    private TextArea basePreview;

    @FXML
    private TextArea judgePreview;

    @FXML
    private javafx.scene.control.TabPane baseTabs;

    @FXML
    private Tab basePreviewTab;

    @FXML
    private Tab judgePreviewTab;

    @FXML
    private Label baseTitle;

    @FXML
    private Label judgeTitle;

    @FXML
    private Label problemsLabel;

    @FXML
    private Label hintLabel;

    public PromptsView(PromptsViewModel model) {
        ViewLoader.load("/fxml/prompts/PromptsView.fxml", this);
        baseEditor.bind(model.baseTextProperty());
        baseEditor.useRules(model.baseRulesProperty());
        judgeEditor.bind(model.judgeTextProperty());
        judgeEditor.useRules(model.judgeRulesProperty());
        basePreview.textProperty().bind(model.basePreviewProperty());
        judgePreview.textProperty().bind(model.judgePreviewProperty());
        basePreviewTab.textProperty().bind(model.previewTitleProperty());
        judgePreviewTab.textProperty().bind(model.previewTitleProperty());
        hintLabel.setText(HINT);
        baseTitle.textProperty().bind(model.baseTitleProperty());
        judgeTitle.textProperty().bind(model.judgeTitleProperty());
        Tab promptB = promptBTab(model.secondBase(), model);
        model.secondBase().inUseProperty().addListener((obs, old, inUse) -> showPromptB(promptB, inUse));
        showPromptB(promptB, model.secondBase().inUseProperty().get());
        model.problems().addListener((ListChangeListener<String>) change -> showProblems(model));
        showProblems(model);
    }

    public Parent root() {
        return root;
    }

    /** Model B and base prompt B: what answers B in a generated pair, edited beside the base prompt. */
    private static Tab promptBTab(SecondBaseDraft second, PromptsViewModel prompts) {
        javafx.scene.control.TextField model = new javafx.scene.control.TextField();
        model.setId("modelBField");
        model.setPromptText("same as the base model");
        model.textProperty().bindBidirectional(second.modelProperty());
        javafx.scene.layout.HBox.setHgrow(model, javafx.scene.layout.Priority.ALWAYS);
        Label modelLabel = new Label("Model B");
        modelLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.HBox modelRow = new javafx.scene.layout.HBox(6, modelLabel, model);
        modelRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        modelRow.getStyleClass().add("prompt-b-model");
        PromptEditor editor = new PromptEditor();
        editor.setId("baseBEditor");
        editor.bind(second.promptTextProperty());
        editor.useRules(prompts.baseRulesProperty());
        javafx.scene.layout.VBox.setVgrow(editor, javafx.scene.layout.Priority.ALWAYS);
        Tab tab = new Tab("Base prompt B", new javafx.scene.layout.VBox(6, modelRow, editor));
        tab.setId("baseBTab");
        tab.setTooltip(
                new javafx.scene.control.Tooltip(
                        "Answer B of each row: this prompt on model B (the base model when empty). The base prompt answers A."));
        return tab;
    }

    private void showPromptB(Tab tab, boolean inUse) {
        if (inUse && !baseTabs.getTabs().contains(tab)) {
            baseTabs.getTabs().add(1, tab);
        } else if (!inUse) {
            baseTabs.getTabs().remove(tab);
        }
    }

    private void showProblems(PromptsViewModel model) {
        boolean ok = model.problems().isEmpty();
        problemsLabel.setText(
                ok ? "✓ Both prompts can be rendered for every row." : "⚠ " + String.join("\n⚠ ", model.problems()));
        problemsLabel.pseudoClassStateChanged(PROBLEM, !ok);
    }
}
