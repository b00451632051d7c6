package io.arbiter.ui.prompts;

import io.arbiter.core.prompt.PromptTemplate;
import io.arbiter.core.run.SecondBase;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What answers B in a generated pair, as the prompts pane edits it beside the base prompt: model B (empty for the
 * run's own base model) and base prompt B. It only counts while the setup generates a pair ({@link #inUseProperty}).
 */
public final class SecondBaseDraft {

    private final StringProperty model = new SimpleStringProperty("");
    private final StringProperty promptText = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper inUse = new ReadOnlyBooleanWrapper();

    /** Model B as typed; empty answers B with the base model, so two prompts are compared on one model. */
    public StringProperty modelProperty() {
        return model;
    }

    /** Base prompt B's text. */
    public StringProperty promptTextProperty() {
        return promptText;
    }

    /** True while the grading is pairwise and the run generates both answers: the pane shows prompt B then. */
    public ReadOnlyBooleanProperty inUseProperty() {
        return inUse.getReadOnlyProperty();
    }

    void use(boolean generatedPair) {
        inUse.set(generatedPair);
    }

    /** The configuration answering B beside {@code baseModel}; empty unless the setup generates a pair. */
    public Optional<SecondBase> secondBase(String baseModel) {
        if (!inUse.get()) {
            return Optional.empty();
        }
        String chosen = model.get() == null || model.get().isBlank()
                ? baseModel
                : model.get().strip();
        return chosen == null || chosen.isBlank()
                ? Optional.empty()
                : Optional.of(new SecondBase(chosen, new PromptTemplate(promptText.get())));
    }

    /**
     * Shows a kept configuration; model B equal to {@code baseModel} shows empty, as the base model is what it
     * defaults to.
     */
    public void show(SecondBase kept, String baseModel) {
        model.set(kept.model().equals(baseModel) ? "" : kept.model());
        promptText.set(kept.prompt().text());
    }

    /** Nothing kept: a project without a generated pair leaves no other project's model B or prompt B behind. */
    public void clear() {
        model.set("");
        promptText.set("");
    }
}
