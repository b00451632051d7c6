package io.arbiter.ui.prompts;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.prompt.FewShotExample;
import io.arbiter.core.prompt.Placeholder;
import io.arbiter.core.prompt.PromptCheck;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.prompt.RenderedPrompt;
import io.arbiter.core.prompt.RowPrompts;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.JudgeSchemes;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The base and judge prompts side by side: their text, what is wrong with them, and a preview for one row; for a
 * generated pair also base prompt B and model B ({@link SecondBaseDraft}).
 */
public final class PromptsViewModel {

    private final StringProperty baseText = new SimpleStringProperty("");
    private final StringProperty judgeText = new SimpleStringProperty("");
    private final IntegerProperty previewRow = new SimpleIntegerProperty(0);
    private final StringProperty previewBaseAnswer = new SimpleStringProperty();
    private final StringProperty previewAnswerB = new SimpleStringProperty();
    private final SecondBaseDraft secondBase = new SecondBaseDraft();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper basePreview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper judgePreview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper previewTitle = new ReadOnlyStringWrapper("Preview");
    private final ReadOnlyStringWrapper baseTitle = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper judgeTitle = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<PlaceholderRules> baseRules =
            new ReadOnlyObjectWrapper<>(PlaceholderRules.NONE);
    private final ReadOnlyObjectWrapper<PlaceholderRules> judgeRules =
            new ReadOnlyObjectWrapper<>(PlaceholderRules.NONE);

    private Dataset dataset;
    private ColumnMapping mapping;
    private LabelSet labels = LabelSet.empty();
    private List<FewShotExample> examples = List.of();
    /** How the judge grades: it decides how a worked example's answer reads in the prompt. */
    private JudgeScheme scheme = JudgeSchemes.DEFAULT;

    public PromptsViewModel() {
        baseText.addListener((obs, old, now) -> refresh());
        judgeText.addListener((obs, old, now) -> refresh());
        previewRow.addListener((obs, old, now) -> refresh());
        previewBaseAnswer.addListener((obs, old, now) -> refresh());
        previewAnswerB.addListener((obs, old, now) -> refresh());
        secondBase.promptTextProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    // Properties

    public StringProperty baseTextProperty() {
        return baseText;
    }

    public StringProperty judgeTextProperty() {
        return judgeText;
    }

    /** The dataset row the preview renders. */
    public IntegerProperty previewRowProperty() {
        return previewRow;
    }

    /** The base answer to show in the judge preview; null shows the placeholder itself. */
    public StringProperty previewBaseAnswerProperty() {
        return previewBaseAnswer;
    }

    /** A pair's answer B to show in the judge preview; null shows the placeholder itself. */
    public StringProperty previewAnswerBProperty() {
        return previewAnswerB;
    }

    /** Model B and base prompt B of a generated pair. */
    public SecondBaseDraft secondBase() {
        return secondBase;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty basePreviewProperty() {
        return basePreview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty judgePreviewProperty() {
        return judgePreview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewTitleProperty() {
        return previewTitle.getReadOnlyProperty();
    }

    /** The base pane's title: what its prompts answer. */
    public ReadOnlyStringProperty baseTitleProperty() {
        return baseTitle.getReadOnlyProperty();
    }

    /** The judge pane's title: what its judge is asked. */
    public ReadOnlyStringProperty judgeTitleProperty() {
        return judgeTitle.getReadOnlyProperty();
    }

    /** The placeholders the base prompt and prompt B may use, for their editors to mark and complete. */
    public ReadOnlyObjectProperty<PlaceholderRules> baseRulesProperty() {
        return baseRules.getReadOnlyProperty();
    }

    /** The placeholders the judge prompt may use under the current scheme. */
    public ReadOnlyObjectProperty<PlaceholderRules> judgeRulesProperty() {
        return judgeRules.getReadOnlyProperty();
    }

    public PromptPair prompts() {
        return PromptPair.of(baseText.get(), judgeText.get());
    }

    /** The reviewed rows promoted into the judge prompt through {{examples}}. */
    public List<FewShotExample> examples() {
        return examples;
    }

    /** True when the judge prompt has an {{examples}} placeholder for promoted rows to go into. */
    public boolean judgeUsesExamples() {
        return prompts().judge().placeholders().contains(Placeholder.EXAMPLES);
    }

    /** The prompts as a run would render them for any row, with the current examples; null without a dataset. */
    public RowPrompts rowPrompts() {
        return dataset == null
                ? null
                : new RowPrompts(
                        dataset, mapping, prompts(), labels, examples, scheme::exampleAnswer, scheme.promptValues());
    }

    // Commands

    /** Points the prompts at a dataset: its columns become placeholders and its truth labels {{labels}}. */
    public void useDataset(Dataset dataset, ColumnMapping mapping, LabelSet labels) {
        this.dataset = dataset;
        this.mapping = mapping;
        this.labels = labels;
        if (previewRow.get() >= dataset.size()) {
            previewRow.set(0);
        }
        refresh();
    }

    /** The grading scheme the prompts are written for, from now on. */
    public void useScheme(JudgeScheme chosen) {
        scheme = chosen;
        refresh(); // the scheme's placeholders ({{scale}}) are known now, and the examples read its way
    }

    /**
     * Readies the prompts for a new pairwise setup read with {@code mapping}: a judge prompt that does not show both
     * answers becomes an MT-Bench style pairwise one, and an empty prompt B starts as the base prompt.
     *
     * @return true when the judge prompt was replaced
     */
    public boolean startPair(ColumnMapping mapping) {
        if (secondBase.promptTextProperty().get().isBlank()) {
            secondBase.promptTextProperty().set(baseText.get());
        }
        var used = prompts().judge().placeholders();
        if (used.contains(Placeholder.ANSWER_A) && used.contains(Placeholder.ANSWER_B)) {
            return false;
        }
        judgeText.set(PairJudgePrompt.of(mapping));
        return true;
    }

    public JudgeScheme scheme() {
        return scheme;
    }

    /** The worked examples {{examples}} renders from now on. */
    public void useExamples(List<FewShotExample> promoted) {
        examples = List.copyOf(promoted);
        refresh();
    }

    private void refresh() {
        secondBase.use(scheme.pairs() && mapping != null && !mapping.judgeOnly());
        baseTitle.set(
                secondBase.inUseProperty().get()
                        ? "Base prompts · Template answers A, Base prompt B answers B"
                        : "Base prompt · the model under test");
        judgeTitle.set(
                scheme.pairs()
                        ? "Judge prompt · compares answer A with answer B"
                        : "Judge prompt · grades each base answer");
        List<String> names = PromptCheck.names(dataset, mapping);
        // Set only when they change: each key typed refreshes, and the editors re-mark their text on a change.
        PlaceholderRules base = dataset == null ? PlaceholderRules.NONE : PlaceholderRules.base(names);
        if (!base.equals(baseRules.get())) {
            baseRules.set(base);
        }
        PlaceholderRules judge = dataset == null ? PlaceholderRules.NONE : PlaceholderRules.judge(names, scheme);
        if (!judge.equals(judgeRules.get())) {
            judgeRules.set(judge);
        }
        List<String> found = PromptCheck.problems(prompts(), names, scheme.placeholders());
        if (scheme.pairs()) {
            found = PairPromptCheck.problems(found, secondBase, names);
        }
        problems.setAll(found);
        valid.set(found.isEmpty() && dataset != null);
        if (dataset == null || dataset.size() == 0) {
            basePreview.set("");
            judgePreview.set("");
            previewTitle.set("Preview (no dataset)");
            return;
        }
        int row = Math.max(0, Math.min(previewRow.get(), dataset.size() - 1));
        RowPrompts rowPrompts = rowPrompts();
        basePreview.set(show(rowPrompts.base(row)));
        judgePreview.set(show(
                scheme.pairs()
                        ? rowPrompts.judgePair(
                                row,
                                shown(previewBaseAnswer.get(), Placeholder.ANSWER_A),
                                shown(previewAnswerB.get(), Placeholder.ANSWER_B))
                        : rowPrompts.judge(row, previewBaseAnswer.get())));
        previewTitle.set("Preview for row " + (row + 1));
    }

    /** An answer for the preview, or its placeholder as written while there is none. */
    private static String shown(String answer, String placeholder) {
        return answer != null ? answer : "{{" + placeholder + "}}";
    }

    /** A rendered prompt as the preview and the row detail show it: the system message, then the user message. */
    public static String show(RenderedPrompt prompt) {
        StringBuilder text = new StringBuilder();
        if (!prompt.system().isEmpty()) {
            text.append("── system ──\n").append(prompt.system()).append("\n\n");
        }
        return text.append("── user ──\n").append(prompt.user()).toString();
    }
}
