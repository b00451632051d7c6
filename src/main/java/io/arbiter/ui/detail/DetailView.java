package io.arbiter.ui.detail;

import io.arbiter.ui.common.ViewLoader;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/**
 * The selected row in full, beside the results table: prompts, raw and parsed answers, each model's reasoning (when
 * it gave any), tokens, errors, truth; a pair's two answers and the judge in both orders.
 */
public final class DetailView {

    @FXML
    private Parent root;

    @FXML
    private Label detailTitle;

    @FXML
    private VBox detailBody;

    @FXML
    private Label detailReview;

    @FXML
    private Label detailTruth;

    @FXML
    private TextArea detailBasePrompt;

    @FXML
    private TextArea detailBaseRaw;

    @FXML
    private Label detailBaseParsed;

    @FXML
    private VBox detailBaseReasoningBox;

    @FXML
    private TextArea detailBaseReasoning;

    @FXML
    private VBox detailJudgeReasoningBox;

    @FXML
    private VBox detailReferenceBox;

    @FXML
    private TextArea detailReference;

    @FXML
    private TextArea detailJudgeReasoning;

    @FXML
    private TextArea detailJudgePrompt;

    @FXML
    private TextArea detailJudgeRaw;

    @FXML
    private Label detailJudgeParsed;

    @FXML
    private Label detailBaseRawHeading;

    @FXML
    private Label detailJudgePromptHeading;

    @FXML
    private Label detailJudgeRawHeading;

    @FXML
    private VBox detailAnswerBBox;

    @FXML
    private TextArea detailAnswerB;

    @FXML
    private VBox detailJudgeBABox;

    @FXML
    private TextArea detailJudgePromptBA;

    @FXML
    private TextArea detailJudgeRawBA;

    @FXML
    private Label detailUsage;

    @FXML
    private Label detailError;

    public DetailView(DetailViewModel model) {
        ViewLoader.load("/fxml/detail/DetailView.fxml", this);
        detailTitle.textProperty().bind(model.titleProperty());
        detailBody.visibleProperty().bind(model.hasRowProperty());
        detailBody.managedProperty().bind(detailBody.visibleProperty());
        detailTruth.textProperty().bind(model.truthProperty());
        detailBasePrompt.textProperty().bind(model.basePromptProperty());
        detailBaseRaw.textProperty().bind(model.baseRawProperty());
        detailBaseParsed.textProperty().bind(model.baseParsedProperty());
        detailJudgePrompt.textProperty().bind(model.judgePromptProperty());
        detailJudgeRaw.textProperty().bind(model.judgeRawProperty());
        detailJudgeParsed.textProperty().bind(model.judgeParsedProperty());
        detailBaseReasoning.textProperty().bind(model.baseReasoningProperty());
        detailJudgeReasoning.textProperty().bind(model.judgeReasoningProperty());
        hideWhenEmpty(detailBaseReasoningBox, model.baseReasoningProperty());
        hideWhenEmpty(detailJudgeReasoningBox, model.judgeReasoningProperty());
        detailReference.textProperty().bind(model.referenceProperty());
        hideWhenEmpty(detailReferenceBox, model.referenceProperty());
        detailUsage.textProperty().bind(model.usageProperty());
        detailError.textProperty().bind(model.errorProperty());
        detailReview.textProperty().bind(model.reviewProperty());
        hideWhenEmpty(detailError, model.errorProperty());
        hideWhenEmpty(detailReview, model.reviewProperty());
        // A pair: the base answer is answer A and the judge's first reply the one with A shown first.
        detailAnswerB.textProperty().bind(model.answerBProperty());
        detailJudgePromptBA.textProperty().bind(model.judgePromptBAProperty());
        detailJudgeRawBA.textProperty().bind(model.judgeRawBAProperty());
        showWhen(detailAnswerBBox, model.pairProperty());
        detailJudgeBABox
                .visibleProperty()
                .bind(model.pairProperty().and(model.judgeRawBAProperty().isNotEmpty()));
        detailJudgeBABox.managedProperty().bind(detailJudgeBABox.visibleProperty());
        detailBaseRawHeading
                .textProperty()
                .bind(Bindings.when(model.pairProperty()).then("Answer A (raw)").otherwise("Base answer (raw)"));
        detailJudgePromptHeading
                .textProperty()
                .bind(Bindings.when(model.pairProperty())
                        .then("Judge prompt, A shown first")
                        .otherwise("Judge prompt"));
        detailJudgeRawHeading
                .textProperty()
                .bind(Bindings.when(model.pairProperty())
                        .then("Judge output, A shown first (raw)")
                        .otherwise("Judge output (raw)"));
        // The table keeps the keyboard: the pane is read with the mouse.
        for (TextArea area : new TextArea[] {
            detailBasePrompt,
            detailBaseRaw,
            detailJudgePrompt,
            detailJudgeRaw,
            detailBaseReasoning,
            detailJudgeReasoning,
            detailReference,
            detailAnswerB,
            detailJudgePromptBA,
            detailJudgeRawBA
        }) {
            area.setFocusTraversable(false);
        }
    }

    public Parent root() {
        return root;
    }

    private static void hideWhenEmpty(Node node, ObservableStringValue text) {
        node.visibleProperty().bind(Bindings.isNotEmpty(text));
        node.managedProperty().bind(node.visibleProperty());
    }

    private static void showWhen(Node node, ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
    }
}
