package io.arbiter.ui.importer;

import io.arbiter.core.dataset.ColumnGuess;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.JudgeColumns;
import io.arbiter.core.dataset.TaskKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Which of the previewed columns mean what: the inputs the model reads, the truth and its separator, an answer, for
 * open-ended answers the task kind, a reference answer and what people said (a score or a verdict), and for a pair
 * where its answers come from, the column of answer B and people's preferences.
 */
final class ColumnChoice {

    /** Shown for "no such column" in the truth and answer choosers. */
    static final String NONE = "(none)";

    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> optionalColumns = FXCollections.observableArrayList();
    private final ObservableList<String> inputColumns = FXCollections.observableArrayList();
    private final StringProperty truthColumn = new SimpleStringProperty(NONE);
    private final StringProperty truthSeparator = new SimpleStringProperty(",");
    private final StringProperty answerColumn = new SimpleStringProperty(NONE);
    private final ObjectProperty<TaskKind> task = new SimpleObjectProperty<>(TaskKind.CLASSIFY);
    private final StringProperty referenceColumn = new SimpleStringProperty(NONE);
    private final StringProperty humanScoreColumn = new SimpleStringProperty(NONE);
    private final StringProperty humanVerdictColumn = new SimpleStringProperty(NONE);
    private final ObjectProperty<PairSource> pairSource = new SimpleObjectProperty<>(PairSource.COLUMNS);
    private final StringProperty answerBColumn = new SimpleStringProperty(NONE);
    private final StringProperty humanPreferenceColumn = new SimpleStringProperty(NONE);

    /** {@code changed} runs when the inputs, the truth or the answer column change. */
    ColumnChoice(Runnable changed) {
        inputColumns.addListener((ListChangeListener<String>) c -> changed.run());
        answerColumn.addListener((obs, old, now) -> changed.run());
        truthColumn.addListener((obs, old, now) -> changed.run());
        for (StringProperty column :
                List.of(referenceColumn, humanScoreColumn, humanVerdictColumn, answerBColumn, humanPreferenceColumn)) {
            column.addListener((obs, old, now) -> changed.run());
        }
        pairSource.addListener((obs, old, now) -> {
            if (now == PairSource.GENERATED) {
                // People's preferences in the file judged its answers, not the ones a run will generate.
                humanPreferenceColumn.set(NONE);
            }
            changed.run();
        });
        task.addListener((obs, old, now) -> {
            if (now == TaskKind.GENERATE) {
                truthColumn.set(NONE); // a free-text answer matches no label; people's judgements are its truth
            }
            changed.run();
        });
    }

    ObservableList<String> columns() {
        return columns;
    }

    /** The columns with "(none)" first, for the truth and answer choosers. */
    ObservableList<String> optionalColumns() {
        return optionalColumns;
    }

    ObservableList<String> inputColumns() {
        return inputColumns;
    }

    StringProperty truthColumn() {
        return truthColumn;
    }

    StringProperty truthSeparator() {
        return truthSeparator;
    }

    StringProperty answerColumn() {
        return answerColumn;
    }

    ObjectProperty<TaskKind> task() {
        return task;
    }

    StringProperty referenceColumn() {
        return referenceColumn;
    }

    StringProperty humanScoreColumn() {
        return humanScoreColumn;
    }

    StringProperty humanVerdictColumn() {
        return humanVerdictColumn;
    }

    ObjectProperty<PairSource> pairSource() {
        return pairSource;
    }

    StringProperty answerBColumn() {
        return answerBColumn;
    }

    StringProperty humanPreferenceColumn() {
        return humanPreferenceColumn;
    }

    /**
     * For a pair: the columns of A (the answer column), B, the preference and the reference, guessed from the usual
     * names when none is chosen; the inputs lose any of them, as the model does not read them.
     */
    void guessPairColumns() {
        guess(answerColumn, "answer_a");
        guess(answerBColumn, "answer_b");
        if (pairSource.get() == PairSource.COLUMNS) {
            guess(humanPreferenceColumn, "human_preference", "preference");
        }
        guess(referenceColumn, "reference");
        // The answers and the reference are what the judge compares, not what the model reads.
        List<String> judged =
                List.of(answerColumn.get(), answerBColumn.get(), referenceColumn.get(), humanPreferenceColumn.get());
        inputColumns.removeIf(judged::contains);
        if (inputColumns.isEmpty()) {
            columns.stream()
                    .filter(c -> !judged.contains(c) && !c.equalsIgnoreCase("id"))
                    .findFirst()
                    .ifPresent(inputColumns::add);
        }
    }

    private void guess(StringProperty column, String... names) {
        if (!NONE.equals(column.get())) {
            return;
        }
        for (String name : names) {
            for (String offered : columns) {
                if (offered.equalsIgnoreCase(name)) {
                    column.set(offered);
                    return;
                }
            }
        }
    }

    /**
     * Offers {@code names}, keeping the user's choices where the columns still exist and otherwise guessing like the
     * workbench does from the previewed {@code rows}.
     *
     * @return false when the columns are the ones already offered, and nothing changed
     */
    boolean offer(List<String> names, List<List<String>> rows) {
        if (names.equals(columns)) {
            return false;
        }
        columns.setAll(names);
        List<String> optional = new ArrayList<>();
        optional.add(NONE);
        optional.addAll(names);
        optionalColumns.setAll(optional);
        inputColumns.removeIf(c -> !names.contains(c));
        if (inputColumns.isEmpty() && !names.isEmpty()) {
            inputColumns.add(ColumnGuess.input(names, rows));
        }
        if (!names.contains(truthColumn.get())) {
            String guess = ColumnGuess.truth(names);
            truthColumn.set(guess == null ? NONE : guess);
        }
        for (StringProperty column : List.of(
                answerColumn,
                referenceColumn,
                humanScoreColumn,
                humanVerdictColumn,
                answerBColumn,
                humanPreferenceColumn)) {
            if (!names.contains(column.get())) {
                column.set(NONE);
            }
        }
        if (task.get() == TaskKind.GENERATE) {
            truthColumn.set(NONE);
        }
        return true;
    }

    /** The mapping as chosen for a judge of single answers; "(none)" is no column. */
    ColumnMapping mapping() {
        return mapping(false);
    }

    /**
     * The mapping as chosen; "(none)" is no column. For a {@code pair} it names answer B and the preferences, and
     * generated answers leave the answer column out (the run answers A itself); otherwise it names neither.
     */
    ColumnMapping mapping(boolean pair) {
        String truth = NONE.equals(truthColumn.get()) ? null : truthColumn.get();
        boolean generated = pair && pairSource.get() == PairSource.GENERATED;
        JudgeColumns judging =
                new JudgeColumns(chosen(referenceColumn), chosen(humanScoreColumn), chosen(humanVerdictColumn));
        return new ColumnMapping(
                List.copyOf(inputColumns),
                truth,
                truthSeparator.get(),
                generated ? null : chosen(answerColumn),
                Map.of(),
                task.get(),
                pair
                        ? judging.withPair(generated ? null : chosen(answerBColumn), chosen(humanPreferenceColumn))
                        : judging);
    }

    private static String chosen(StringProperty column) {
        return NONE.equals(column.get()) ? null : column.get();
    }
}
