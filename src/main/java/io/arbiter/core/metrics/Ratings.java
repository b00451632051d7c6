package io.arbiter.core.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Readings of the same rows by several raters — the jurors of a jury, or the repeats of one judge — as a rows ×
 * raters matrix of categories. A null cell means that rater has no parsed reading for that row. Scores are given as
 * their numbers written out ("4", "3.5"), which {@link KrippendorffAlpha#interval} reads as numbers.
 *
 * @param raterNames one name per column: a juror's model, or "repeat 1", "repeat 2", …
 * @param rows       one list per row, a reading (or null) per rater in {@code raterNames} order; copied in
 */
public record Ratings(List<String> raterNames, List<List<String>> rows) {

    public Ratings {
        raterNames = List.copyOf(raterNames);
        List<List<String>> copy = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = Objects.requireNonNull(rows.get(i), "row " + i);
            if (row.size() != raterNames.size()) {
                throw new IllegalArgumentException(
                        "Row " + i + " has " + row.size() + " readings for " + raterNames.size() + " raters");
            }
            // Not List.copyOf: a missing reading is a null.
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /** The number of raters (columns). */
    public int raters() {
        return raterNames.size();
    }

    /** The number of rows. */
    public int size() {
        return rows.size();
    }

    /** The reading of {@code rater} on {@code row}, or null when there is none. */
    public String reading(int row, int rater) {
        return rows.get(row).get(rater);
    }

    /** The readings a row has, missing ones left out, in rater order. */
    public List<String> readings(int row) {
        return rows.get(row).stream().filter(Objects::nonNull).toList();
    }

    /** The number of readings a row has. */
    public int readingCount(int row) {
        return (int) rows.get(row).stream().filter(Objects::nonNull).count();
    }

    /** Indices of the rows with at least {@code readings} readings. */
    public List<Integer> rowsWithAtLeast(int readings) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (readingCount(i) >= readings) {
                indices.add(i);
            }
        }
        return indices;
    }

    /** Indices of the rows every rater read. */
    public List<Integer> completeRows() {
        return rowsWithAtLeast(Math.max(1, raters()));
    }

    /** The categories read anywhere, in the order first met (row by row, rater by rater). */
    public List<String> categories() {
        Set<String> seen = new LinkedHashSet<>();
        rows.forEach(row -> row.stream().filter(Objects::nonNull).forEach(seen::add));
        return List.copyOf(seen);
    }

    /** The same rows read by only the raters at {@code raterIndices}, in that order. */
    public Ratings byRaters(List<Integer> raterIndices) {
        List<String> names = raterIndices.stream().map(raterNames::get).toList();
        List<List<String>> kept = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            List<String> readings = new ArrayList<>(raterIndices.size());
            raterIndices.forEach(r -> readings.add(row.get(r)));
            kept.add(readings);
        }
        return new Ratings(names, kept);
    }
}
