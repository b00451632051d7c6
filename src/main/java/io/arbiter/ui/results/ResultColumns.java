package io.arbiter.ui.results;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.scheme.JudgeScheme;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The results table's columns: row number and the dataset's key columns (frozen), verdict, base vs truth, human
 * verdict, truth, both answers and example mark, cells styled by value; a scoring run shows the judge's score and reasoning, the human score and the
 * reference instead of the label columns, and a pairwise run both answers side by side, the winner, each order's verdict
 * and the human preference. Each text column keeps in its user data what the background sort compares.
 */
final class ResultColumns {

    private ResultColumns() {}

    /**
     * Replaces the table's columns: the row number, then {@code keys} from the dataset, then the outcome columns of
     * {@code scheme}; {@code mapping} (null before a dataset) names the reference column. The row number and the key
     * columns are {@link FrozenColumns frozen}; text cells wrap while {@code wrap} is true.
     */
    static void build(
            TableView<ResultsTableRow> resultsTable,
            List<String> keys,
            Supplier<Dataset> shown,
            JudgeScheme scheme,
            ColumnMapping mapping,
            ObservableBooleanValue wrap) {
        resultsTable.getColumns().clear();
        addColumns(resultsTable, keys, shown, scheme, mapping);
        for (TableColumn<ResultsTableRow, ?> column : resultsTable.getColumns()) {
            if (column.getUserData() instanceof Function<?, ?>
                    && (Object) column.getCellFactory() == TableColumn.DEFAULT_CELL_FACTORY) {
                @SuppressWarnings(
                        "unchecked") // a text column (its user data is its text) with no cell factory of its own
                TableColumn<ResultsTableRow, String> text = (TableColumn<ResultsTableRow, String>) column;
                text.setCellFactory(c -> new WrappingCell(wrap));
            }
        }
    }

    private static void addColumns(
            TableView<ResultsTableRow> resultsTable,
            List<String> keys,
            Supplier<Dataset> shown,
            JudgeScheme scheme,
            ColumnMapping mapping) {
        TableColumn<ResultsTableRow, Number> number = new TableColumn<>("#");
        number.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().index() + 1));
        number.setMinWidth(44);
        number.setMaxWidth(60);
        number.setId("number-column");
        // Its cells draw the bar of a row whose verdict contradicts the truth (arbiter.css says why there).
        number.getStyleClass().add("row-number");
        FrozenColumns.mark(number);
        resultsTable.getColumns().add(number);
        for (String key : keys) {
            TableColumn<ResultsTableRow, String> column = textColumn(key, row -> {
                Dataset dataset = shown.get();
                return dataset == null ? "" : dataset.value(row.index(), key);
            });
            // The first key column names the row (a title, an id); the inputs are long text and get the room, less
            // of it in a scoring run, whose answer, reasoning and reference are long text too.
            boolean names = key.equals(keys.get(0)) && keys.size() > 1;
            boolean longText = scheme.scores() || scheme.pairs();
            // Narrow enough that a verdict run's verdict and base-vs-truth show beside them at 1366 pixels.
            column.setPrefWidth(longText ? names ? 90 : 220 : names ? 150 : 260);
            FrozenColumns.mark(column);
            resultsTable.getColumns().add(column);
        }
        if (scheme.scores()) {
            scoreColumns(resultsTable, shown, mapping);
            return;
        }
        if (scheme.pairs()) {
            pairColumns(resultsTable, shown, mapping);
            return;
        }
        // The outcome first, beside the frozen columns, so it shows without scrolling; what it was judged from after.
        resultsTable.getColumns().add(resultColumn("Verdict", ResultsTableRow::verdict, "verdict", 95));
        resultsTable
                .getColumns()
                .add(resultColumn("Base vs truth", ResultsTableRow::baseVsTruth, "base-vs-truth", 110));
        resultsTable.getColumns().add(humanColumn("Human", ResultsTableRow::humanLabel));
        TableColumn<ResultsTableRow, String> truth = textColumn("Truth", ResultsTableRow::truth);
        truth.setId("truth-column");
        truth.setPrefWidth(170);
        resultsTable.getColumns().add(truth);
        resultsTable.getColumns().add(resultColumn("Base answer", ResultsTableRow::baseAnswer, "base-answer", 120));
        resultsTable
                .getColumns()
                .add(resultColumn("Judge prediction", ResultsTableRow::judgePrediction, "judge-prediction", 130));
        resultsTable.getColumns().add(exampleColumn());
    }

    /**
     * A scoring run's columns: the answer as free text (it is graded whole), the judge's score and reasoning, the
     * score people gave (a reviewer's, else the dataset's), the reference when there is one. The truth shows only when
     * a truth column is mapped.
     */
    private static void scoreColumns(
            TableView<ResultsTableRow> resultsTable, Supplier<Dataset> shown, ColumnMapping mapping) {
        // The scores first, beside the frozen columns, as a verdict run's verdict; the long text after.
        resultsTable.getColumns().add(resultColumn("Judge score", ResultsTableRow::verdict, "judge-score", 90));
        resultsTable.getColumns().add(humanColumn("Human score", ResultsTableRow::humanScore));
        if (mapping != null && mapping.hasTruth()) {
            TableColumn<ResultsTableRow, String> truth = textColumn("Truth", ResultsTableRow::truth);
            truth.setPrefWidth(140);
            resultsTable.getColumns().add(truth);
        }
        TableColumn<ResultsTableRow, String> answer = textColumn("Base answer", row -> oneLine(row.baseAnswer()));
        answer.setId("base-answer-column");
        answer.setPrefWidth(300);
        resultsTable.getColumns().add(answer);
        TableColumn<ResultsTableRow, String> reasoning =
                textColumn("Judge reasoning", row -> oneLine(row.judgeReasoning()));
        reasoning.setId("judge-reasoning-column");
        reasoning.setPrefWidth(260);
        resultsTable.getColumns().add(reasoning);
        referenceColumn(resultsTable, shown, mapping);
        resultsTable.getColumns().add(exampleColumn());
    }

    /**
     * A pairwise run's columns: the row's outcome (the winner, or inconsistent when the two orders disagree), each
     * order's verdict in the answers' terms, the human preference, then answers A and B side by side, the judge's
     * reasoning and the reference. Pairs are not promoted as examples, so there is no example column.
     */
    private static void pairColumns(
            TableView<ResultsTableRow> resultsTable, Supplier<Dataset> shown, ColumnMapping mapping) {
        // The verdicts come first, narrow, so the winner shows beside the question at any width; the answers follow.
        resultsTable.getColumns().add(resultColumn("Outcome", ResultsTableRow::verdict, "pair-outcome", 100));
        resultsTable.getColumns().add(resultColumn("A first", ResultsTableRow::winnerAB, "winner-ab", 64));
        resultsTable.getColumns().add(resultColumn("B first", ResultsTableRow::winnerBA, "winner-ba", 64));
        TableColumn<ResultsTableRow, String> human = resultColumn(
                "Human", row -> row.humanPreference() + (row.humanNote().isEmpty() ? "" : " ✎"), "human", 64);
        human.setId("human-column");
        resultsTable.getColumns().add(human);
        TableColumn<ResultsTableRow, String> answerA = textColumn("Answer A", row -> oneLine(row.baseAnswer()));
        answerA.setId("answer-a-column");
        answerA.setPrefWidth(260);
        TableColumn<ResultsTableRow, String> answerB = textColumn("Answer B", row -> oneLine(row.answerB()));
        answerB.setId("answer-b-column");
        answerB.setPrefWidth(260);
        resultsTable.getColumns().addAll(List.of(answerA, answerB));
        TableColumn<ResultsTableRow, String> reasoning =
                textColumn("Judge reasoning", row -> oneLine(row.judgeReasoning()));
        reasoning.setId("judge-reasoning-column");
        reasoning.setPrefWidth(260);
        resultsTable.getColumns().add(reasoning);
        referenceColumn(resultsTable, shown, mapping);
    }

    private static void referenceColumn(
            TableView<ResultsTableRow> resultsTable, Supplier<Dataset> shown, ColumnMapping mapping) {
        String reference = mapping == null ? null : mapping.judgeColumns().reference();
        if (reference != null) {
            TableColumn<ResultsTableRow, String> column = textColumn("Reference", row -> {
                Dataset dataset = shown.get();
                return dataset == null ? "" : dataset.value(row.index(), reference);
            });
            column.setId("reference-column");
            column.setPrefWidth(300);
            resultsTable.getColumns().add(column);
        }
    }

    /** Free text on one table line; the row detail shows it as written. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ⏎ ");
    }

    private static TableColumn<ResultsTableRow, String> exampleColumn() {
        TableColumn<ResultsTableRow, String> example = textColumn("Example", ResultsTableRow::exampleMark);
        example.setId("example-column");
        example.getStyleClass().add("example");
        example.setPrefWidth(85);
        return example;
    }

    private static TableColumn<ResultsTableRow, String> textColumn(
            String title, Function<ResultsTableRow, String> value) {
        TableColumn<ResultsTableRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> value.apply(c.getValue()), c.getValue().shownState()));
        column.setUserData(value); // what the background sort compares
        column.setPrefWidth(120);
        return column;
    }

    /** A column whose cells are marked by value ({@link ValueCell}): the stylesheet colours Correct, wrong… */
    private static TableColumn<ResultsTableRow, String> resultColumn(
            String title, Function<ResultsTableRow, String> value, String styleClass, double width) {
        TableColumn<ResultsTableRow, String> column = textColumn(title, value);
        column.setPrefWidth(width);
        column.setId(styleClass + "-column");
        column.setCellFactory(c -> new ValueCell());
        column.getStyleClass().add(styleClass);
        return column;
    }

    /** What people said ({@code said}: a verdict, or a score), with a pencil when there is a note and the note as tooltip. */
    private static TableColumn<ResultsTableRow, String> humanColumn(
            String title, Function<ResultsTableRow, String> said) {
        TableColumn<ResultsTableRow, String> column =
                textColumn(title, row -> said.apply(row) + (row.humanNote().isEmpty() ? "" : " ✎"));
        column.setPrefWidth(title.length() > 6 ? 100 : 80);
        column.setId("human-column");
        column.getStyleClass().add("human");
        column.setCellFactory(c -> new ValueCell() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                ResultsTableRow row =
                        empty || getTableRow() == null ? null : getTableRow().getItem();
                mark(row == null ? null : row.humanLabel()); // a score is marked by the person's right or wrong
                setTooltip(row == null || row.humanNote().isEmpty() ? null : new Tooltip(row.humanNote()));
            }
        });
        return column;
    }

    @SuppressWarnings("unchecked")
    static Comparator<ResultsTableRow> comparatorFor(List<TableColumn<ResultsTableRow, ?>> sortOrder) {
        Comparator<ResultsTableRow> combined = null;
        for (TableColumn<ResultsTableRow, ?> column : sortOrder) {
            Comparator<ResultsTableRow> byColumn = column.getUserData() instanceof Function<?, ?> value
                    ? Comparator.comparing((Function<ResultsTableRow, String>) value, String.CASE_INSENSITIVE_ORDER)
                    : Comparator.comparingInt(ResultsTableRow::index);
            if (column.getSortType() == TableColumn.SortType.DESCENDING) {
                byColumn = byColumn.reversed();
            }
            combined = combined == null ? byColumn : combined.thenComparing(byColumn);
        }
        return combined;
    }
}
