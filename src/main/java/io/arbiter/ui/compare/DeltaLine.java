package io.arbiter.ui.compare;

import io.arbiter.core.metrics.Proportion;
import io.arbiter.core.project.PairedFigures;
import java.util.Locale;
import java.util.OptionalDouble;

/** One headline metric in both runs, as the delta table shows it: rates in %, kappa to three decimals. */
public record DeltaLine(String metric, String a, String b, String change, Trend trend) {

    /** Whether a metric's move is good news; base-vs-judge agreement is neither. */
    public enum Trend {
        BETTER,
        WORSE,
        SAME,
        NEUTRAL
    }

    /** The line for one of the comparison's deltas. */
    public static DeltaLine of(PairedFigures.Delta delta) {
        boolean kappa = delta.metric().equals("kappa");
        String a = value(delta.a(), kappa);
        String b = value(delta.b(), kappa);
        OptionalDouble change = delta.change();
        if (change.isEmpty()) {
            return new DeltaLine(label(delta.metric()), a, b, "n/a", Trend.NEUTRAL);
        }
        double d = change.getAsDouble();
        String text = kappa ? String.format(Locale.ROOT, "%+.3f", d) : String.format(Locale.ROOT, "%+.1f pts", 100 * d);
        boolean neutral = delta.metric().equals("base_vs_judge");
        // Both are shown to three decimals of the rate: a change that rounds to nothing is no change.
        boolean same = Math.abs(d) < 0.0005;
        Trend trend = same ? Trend.SAME : neutral ? Trend.NEUTRAL : d > 0 ? Trend.BETTER : Trend.WORSE;
        return new DeltaLine(label(delta.metric()), a, b, same ? "no change" : text, trend);
    }

    private static String label(String metric) {
        return switch (metric) {
            case "base_vs_truth" -> "Base vs truth";
            case "judge_vs_truth" -> "Judge vs truth";
            case "base_vs_judge" -> "Base vs judge";
            case "kappa" -> "Cohen's kappa (judge vs truth)";
            default -> metric;
        };
    }

    private static String value(OptionalDouble value, boolean kappa) {
        if (value.isEmpty()) {
            return "n/a";
        }
        return kappa
                ? String.format(Locale.ROOT, "%.3f", value.getAsDouble())
                : Proportion.percent(value.getAsDouble());
    }
}
