package io.arbiter.core.dataset;

import java.util.List;
import java.util.Locale;

/** First guesses for which column the model reads and which holds the truth; the user corrects them. */
public final class ColumnGuess {

    private ColumnGuess() {}

    /**
     * The column with the most prose in the sample rows: a description, a question, a review. Only values with a
     * space count, so long links and ids do not win.
     */
    /** The guess for a whole dataset, looking at its first 200 rows. */
    public static String input(Dataset dataset) {
        List<List<String>> sample = new java.util.ArrayList<>();
        for (int row = 0; row < Math.min(dataset.size(), 200); row++) {
            List<String> cells = new java.util.ArrayList<>();
            for (int c = 0; c < dataset.columns().size(); c++) {
                cells.add(dataset.value(row, c));
            }
            sample.add(cells);
        }
        return input(dataset.columns(), sample);
    }

    public static String input(List<String> columns, List<List<String>> sample) {
        int best = 0;
        long bestLength = -1;
        for (int c = 0; c < columns.size(); c++) {
            long length = 0;
            for (List<String> row : sample) {
                String value = c < row.size() ? row.get(c) : "";
                length += value.indexOf(' ') >= 0 && !value.startsWith("http") ? value.length() : 0;
            }
            if (length > bestLength) {
                best = c;
                bestLength = length;
            }
        }
        return columns.get(best);
    }

    /** A column named like a label: label, truth, genre, category, class, gold, expected. */
    public static String truth(List<String> columns) {
        for (String column : columns) {
            String name = column.toLowerCase(Locale.ROOT);
            if (name.equals("label")
                    || name.equals("labels")
                    || name.contains("truth")
                    || name.equals("genre")
                    || name.equals("category")
                    || name.equals("class")
                    || name.equals("gold")
                    || name.equals("expected")) {
                return column;
            }
        }
        return null;
    }

    /**
     * The column that names a row for a reader of the results table: one called like a title, a name or an id, else
     * the first other column whose first value is not a link.
     */
    public static String key(Dataset dataset, List<String> exclude) {
        for (String column : dataset.columns()) {
            String name = column.toLowerCase(Locale.ROOT);
            if (!exclude.contains(column) && (name.contains("title") || name.equals("name") || name.equals("id"))) {
                return column;
            }
        }
        for (String column : dataset.columns()) {
            boolean link = dataset.size() > 0 && dataset.value(0, column).startsWith("http");
            if (!exclude.contains(column) && !link) {
                return column;
            }
        }
        return null;
    }
}
