package io.arbiter.core.run;

import java.time.Duration;

/** How long something has been waiting, in the words a progress line uses: "45 s", "12 min", "3 h 5 min". */
public final class Age {

    private Age() {}

    public static String words(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 120) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 120) {
            return minutes + " min";
        }
        long rest = minutes % 60;
        return minutes / 60 + " h" + (rest == 0 ? "" : " " + rest + " min");
    }
}
