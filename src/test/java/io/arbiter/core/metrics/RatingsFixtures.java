package io.arbiter.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small builders of {@link Ratings} for the reliability tests: rows written as strings, "." for a missing reading. */
final class RatingsFixtures {

    private RatingsFixtures() {}

    /** Rows like "A A B" or "1 . 3", one token per rater named r1, r2, …; "." is a missing reading. */
    static Ratings rows(String... rows) {
        int raters = rows.length == 0 ? 0 : rows[0].split(" ").length;
        List<String> names = new ArrayList<>();
        for (int r = 1; r <= raters; r++) {
            names.add("r" + r);
        }
        return named(names, rows);
    }

    /** As {@link #rows} with the raters' names given. */
    static Ratings named(List<String> names, String... rows) {
        List<List<String>> readings = new ArrayList<>();
        for (String row : rows) {
            readings.add(Arrays.stream(row.split(" "))
                    .map(token -> token.equals(".") ? null : token)
                    .toList());
        }
        return new Ratings(names, readings);
    }

    /** Columns (one string per rater, a token per row) turned into rows, as Krippendorff prints his matrix. */
    static Ratings columns(String... columns) {
        String[][] tokens = Arrays.stream(columns).map(c -> c.split(" ")).toArray(String[][]::new);
        String[] rows = new String[tokens[0].length];
        for (int i = 0; i < rows.length; i++) {
            StringBuilder row = new StringBuilder();
            for (String[] column : tokens) {
                row.append(row.isEmpty() ? "" : " ").append(column[i]);
            }
            rows[i] = row.toString();
        }
        return rows(rows);
    }
}
