package io.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.arbiter.core.project.RunListing;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --fail-below kappa=0.6,base_vs_truth=0.7}: the least each metric may be. A metric named with {@code _low}
 * ({@code kappa_low=0.6}) holds the lower end of its 95% interval to the value instead of the point, so a run passes
 * only when the figure is above the line with confidence, not by the luck of a few rows. A figure that must stay low
 * ({@link RunListing#AT_MOST}: the flip rate) is the most it may be instead, and {@code _high} holds the upper end of
 * its interval to the value ({@code flip_rate_high=0.1}).
 */
record Thresholds(Map<String, Double> minimum) {

    /** The suffix that gates a metric's lower interval end. */
    static final String LOW = "_low";

    /** The suffix that gates the upper interval end of a figure that must stay low. */
    static final String HIGH = "_high";

    /** The first metric under its minimum, as "kappa 0.512 < 0.6"; an undefined metric counts as under. */
    Optional<String> shortfall(JsonNode metrics) {
        for (Map.Entry<String, Double> entry : minimum.entrySet()) {
            JsonNode value = metrics.get(jsonKey(entry.getKey()));
            if (value == null || !value.isNumber()) {
                return Optional.of(entry.getKey() + " is undefined for this run (threshold " + entry.getValue() + ")");
            }
            if (atMost(entry.getKey())) {
                if (value.asDouble() > entry.getValue()) {
                    return Optional.of(String.format(
                            Locale.ROOT, "%s %.4f > %s", entry.getKey(), value.asDouble(), entry.getValue()));
                }
            } else if (value.asDouble() < entry.getValue()) {
                return Optional.of(
                        String.format(Locale.ROOT, "%s %.4f < %s", entry.getKey(), value.asDouble(), entry.getValue()));
            }
        }
        return Optional.empty();
    }

    /** Where the metrics JSON keeps a gated figure: the point, or for {@code kappa_low} {@code kappa_ci_low}. */
    static String jsonKey(String metric) {
        if (RunListing.GATES.contains(metric)) {
            return metric;
        }
        if (metric.endsWith(LOW)) {
            return metric.substring(0, metric.length() - LOW.length()) + "_ci_low";
        }
        return metric.endsWith(HIGH) ? metric.substring(0, metric.length() - HIGH.length()) + "_ci_high" : metric;
    }

    /** True for a figure gated from above: the flip rate, or its interval's upper end. */
    private static boolean atMost(String metric) {
        String figure = metric.endsWith(HIGH) ? metric.substring(0, metric.length() - HIGH.length()) : metric;
        return RunListing.AT_MOST.contains(figure);
    }

    private static boolean known(String metric) {
        if (RunListing.GATES.contains(metric)) {
            return true;
        }
        if (metric.endsWith(LOW)) {
            String figure = metric.substring(0, metric.length() - LOW.length());
            return RunListing.GATES.contains(figure) && !RunListing.AT_MOST.contains(figure);
        }
        return metric.endsWith(HIGH)
                && RunListing.AT_MOST.contains(metric.substring(0, metric.length() - HIGH.length()));
    }

    /** Parses the option's text for picocli, naming what is wrong. */
    static final class Converter implements ITypeConverter<Thresholds> {
        @Override
        public Thresholds convert(String text) {
            Map<String, Double> minimum = new LinkedHashMap<>();
            for (String part : text.split(",")) {
                String[] pair = part.split("=", 2);
                String metric = pair[0].strip().toLowerCase(Locale.ROOT);
                if (pair.length != 2 || !known(metric)) {
                    throw new TypeConversionException("'" + part + "' is not METRIC=VALUE with METRIC one of "
                            + String.join(", ", RunListing.GATES)
                            + ", or one of them with _low for the lower end of its 95% interval (kappa_low=0.6; flip_rate,"
                            + " which must stay low, with _high for the upper end: flip_rate_high=0.1)");
                }
                try {
                    minimum.put(metric, Double.parseDouble(pair[1].strip()));
                } catch (NumberFormatException e) {
                    throw new TypeConversionException("'" + pair[1] + "' is not a number in '" + part + "'");
                }
            }
            return new Thresholds(minimum);
        }
    }
}
