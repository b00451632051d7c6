package io.arbiter.ui.detail;

import io.arbiter.ui.common.ViewLoader;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;

/**
 * The review card beside the results table: the row's input, its answer (a pair's two), the truth, the judge's verdict,
 * reasoning and output first, then tokens and errors; the rendered prompts and the base model's reasoning folded below.
 * Every text is a wrapped label, so the wheel scrolls the card rather than a box inside it.
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
    private Label detailInput;

    @FXML
    private Label detailTruth;

    @FXML
    private Label detailBasePrompt;

    @FXML
    private Label detailBaseRaw;

    @FXML
    private Label detailBaseParsed;

    @FXML
    private VBox detailBaseReasoningBox;

    @FXML
    private Label detailBaseReasoning;

    @FXML
    private VBox detailJudgeReasoningBox;

    @FXML
    private VBox detailReferenceBox;

    @FXML
    private Label detailReference;

    @FXML
    private Label detailJudgeReasoning;

    @FXML
    private Label detailJudgePrompt;

    @FXML
    private Label detailJudgeRaw;

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
    private Label detailAnswerB;

    @FXML
    private VBox detailJudgeBABox;

    @FXML
    private Label detailJudgePromptBA;

    @FXML
    private Label detailJudgeRawBA;

    @FXML
    private Label detailUsage;

    @FXML
    private Label detailError;

    public DetailView(DetailViewModel model) {
        ViewLoader.load("/fxml/detail/DetailView.fxml", this);
        detailTitle.textProperty().bind(model.titleProperty());
        detailBody.visibleProperty().bind(model.hasRowProperty());
        detailBody.managedProperty().bind(detailBody.visibleProperty());
        detailInput.textProperty().bind(model.inputProperty());
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
                .bind(Bindings.when(model.pairProperty()).then("Answer A").otherwise("Base answer"));
        detailJudgePromptHeading
                .textProperty()
                .bind(Bindings.when(model.pairProperty())
                        .then("Judge prompt, A shown first")
                        .otherwise("Judge prompt"));
        detailJudgeRawHeading
                .textProperty()
                .bind(Bindings.when(model.pairProperty())
                        .then("Judge output, A shown first")
                        .otherwise("Judge output"));
        // Labels cannot be selected: each long text is copied whole from its context menu.
        for (Label text : new Label[] {
            detailInput,
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
            copyable(text);
        }
    }

    public Parent root() {
        return root;
    }

    private static void copyable(Label text) {
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        text.setContextMenu(new ContextMenu(copy));
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
