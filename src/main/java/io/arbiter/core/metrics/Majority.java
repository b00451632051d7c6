package io.arbiter.core.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One row's majority among its readings (a jury's jurors, or a judge's repeats). The majority is the category that
 * more than half of the parsed readings give; a tie or a plurality short of half is "no majority", which is not a
 * category and is shown apart. The agreement share is the modal category's count over the readings, so three
 * readings A, A, B give A with share 2/3, and A, B give no majority with share 1/2.
 *
 * @param category   the strict majority, or null when there is none (no reading, a tie, or no category over half)
 * @param modalCount readings of the most frequent category (0 with no reading)
 * @param readings   parsed readings of the row
 */
public record Majority(String category, int modalCount, int readings) {

    /** The majority of the readings given; nulls (no parsed reading) are left out. */
    public static Majority of(List<String> readings) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int n = 0;
        for (String reading : readings) {
            if (reading != null) {
                counts.merge(reading, 1, Integer::sum);
                n++;
            }
        }
        String modal = null;
        int modalCount = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            if (entry.getValue() > modalCount) {
                modal = entry.getKey();
                modalCount = entry.getValue();
            }
        }
        return new Majority(2 * modalCount > n ? modal : null, modalCount, n);
    }

    /** True when more than half of the readings give one category. */
    public boolean hasMajority() {
        return category != null;
    }

    /** True when the row was read but no category has more than half of its readings. */
    public boolean noMajority() {
        return readings > 0 && category == null;
    }

    /** True when there are readings and they all give the same category. */
    public boolean unanimous() {
        return readings > 0 && modalCount == readings;
    }

    /** The modal category's share of the readings; empty with no reading. */
    public OptionalDouble agreementShare() {
        return readings == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) modalCount / readings);
    }
}
