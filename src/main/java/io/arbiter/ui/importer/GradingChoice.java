package io.arbiter.ui.importer;

import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.core.scheme.ScoreScheme;
import io.arbiter.core.verdict.ScoreScale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * How the judge grades, as chosen in the setup: a Correct/Incorrect verdict, a rubric score on a scale ("1-5")
 * with a pass mark, or a pairwise preference between two answers, asked in one order or both. {@link #schemeProperty} is the scheme chosen, null while the scale or the pass mark is wrong
 * ({@link #problemProperty} says why). FX thread.
 */
public final class GradingChoice {

    /** The two ways to grade, as the chooser names them. */
    public enum Kind {
        VERDICT("Correct / Incorrect verdict"),
        SCORE("Rubric score"),
        PAIRWISE("Pairwise: A against B");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.VERDICT);
    private final StringProperty scale = new SimpleStringProperty(ScoreScale.DEFAULT.toString());
    private final IntegerProperty passAt = new SimpleIntegerProperty(ScoreScale.DEFAULT.usualPassMark());
    /** Ask the pairwise judge with A shown first and again with B shown first (MT-Bench's fix for position bias). */
    private final BooleanProperty bothOrders = new SimpleBooleanProperty(true);

    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<JudgeScheme> scheme = new ReadOnlyObjectWrapper<>(JudgeSchemes.DEFAULT);
    /** The scale last read: a new one moves the pass mark to its usual place. */
    private ScoreScale lastScale = ScoreScale.DEFAULT;

    public GradingChoice() {
        kind.addListener((obs, old, now) -> update());
        scale.addListener((obs, old, now) -> update());
        passAt.addListener((obs, old, now) -> update());
        bothOrders.addListener((obs, old, now) -> update());
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    /** The scale as typed, "1-5"; any whole range within 0-10. */
    public StringProperty scaleProperty() {
        return scale;
    }

    /** The lowest passing score. */
    public IntegerProperty passAtProperty() {
        return passAt;
    }

    /** For a pairwise judge: true asks both orders (swap both), false asks with A shown first only. */
    public BooleanProperty bothOrdersProperty() {
        return bothOrders;
    }

    /** What is wrong with the scale or the pass mark; empty when the choice makes a scheme. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The scheme chosen; null while {@link #problemProperty} has something to say. */
    public ReadOnlyObjectProperty<JudgeScheme> schemeProperty() {
        return scheme.getReadOnlyProperty();
    }

    /** The scale as last read correctly, for the pass-mark spinner's range. */
    public ScoreScale scale() {
        return lastScale;
    }

    /** Shows {@code current} as the choice, so a new import starts from how the workbench grades now. */
    public void show(JudgeScheme current) {
        if (current instanceof ScoreScheme score) {
            lastScale = score.scale();
            scale.set(score.scale().toString());
            passAt.set(score.passAt());
            kind.set(Kind.SCORE);
        } else if (current instanceof PairwiseScheme pair) {
            bothOrders.set(pair.bothOrders());
            kind.set(Kind.PAIRWISE);
        } else {
            kind.set(Kind.VERDICT);
        }
        update();
    }

    private void update() {
        if (kind.get() == Kind.PAIRWISE) {
            problem.set("");
            scheme.set(PairwiseScheme.ofSwap(bothOrders.get() ? "both" : "none"));
            return;
        }
        if (kind.get() != Kind.SCORE) {
            problem.set("");
            scheme.set(JudgeSchemes.DEFAULT);
            return;
        }
        ScoreScale read;
        try {
            read = ScoreScale.parse(scale.get());
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            scheme.set(null);
            return;
        }
        if (!read.equals(lastScale)) {
            lastScale = read;
            passAt.set(read.usualPassMark()); // a pass mark on the old scale means little on the new one
        }
        if (!read.contains(passAt.get())) {
            problem.set("The pass mark " + passAt.get() + " is not on the scale " + read + ".");
            scheme.set(null);
            return;
        }
        problem.set("");
        scheme.set(new ScoreScheme(read, passAt.get()));
    }
}
