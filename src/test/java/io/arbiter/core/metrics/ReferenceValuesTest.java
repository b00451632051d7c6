package io.arbiter.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every figure against values computed once, independently, with numpy and scipy by {@code reference_values.py}
 * beside the fixture {@code reference_values.tsv} (the command is in the script's docstring).
 */
class ReferenceValuesTest {

    private static final double TOLERANCE = 1e-9;

    static Stream<Arguments> fixtures() throws IOException {
        try (InputStream in = ReferenceValuesTest.class.getResourceAsStream("reference_values.tsv")) {
            assertNotNull(in, "reference_values.tsv is on the test class path");
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(line -> !line.isBlank())
                    .toList();
            assertTrue(lines.size() > 50, "the fixture has its values: " + lines.size());
            return lines.stream().map(line -> {
                String[] cells = line.split("\t");
                // Python writes an undefined figure as "nan"; Java reads only "NaN".
                double value = cells[2].equals("nan") ? Double.NaN : Double.parseDouble(cells[2]);
                return Arguments.of(cells[0], cells[1], value);
            });
        }
    }

    @ParameterizedTest(name = "{0}({1}) = {2}")
    @MethodSource("fixtures")
    void matchesTheReference(String figure, String inputs, double expected) {
        double[] in = Arrays.stream(inputs.split(","))
                .mapToDouble(Double::parseDouble)
                .toArray();
        OptionalDouble actual = compute(figure, in);
        if (Double.isNaN(expected)) {
            assertFalse(actual.isPresent(), figure + " is undefined on " + inputs + ", not " + actual);
        } else {
            assertTrue(actual.isPresent(), figure + " is defined on " + inputs);
            assertEquals(expected, actual.getAsDouble(), TOLERANCE, figure + " on " + inputs);
        }
    }

    private static OptionalDouble compute(String figure, double[] in) {
        return switch (figure) {
            case "kappa" -> table(in).kappa();
            case "ac1" -> table(in).ac1();
            case "mcc" -> table(in).mcc();
            case "wilson_low" -> Wilson.interval(count(in[0]), count(in[1])).low();
            case "wilson_high" -> Wilson.interval(count(in[0]), count(in[1])).high();
            case "mcnemar_p" -> OptionalDouble.of(
                    McNemar.of(count(in[0]), count(in[1])).p());
            case "bound_best" -> bounds(in).baseBest();
            case "bound_worst" -> bounds(in).baseWorst();
            case "quantile_type7" -> {
                double[] sorted = Arrays.copyOfRange(in, 1, in.length);
                Arrays.sort(sorted);
                yield OptionalDouble.of(Bootstrap.quantile(sorted, in[0]));
            }
            case "ppi", "ppi_low", "ppi_high", "ppi_lambda", "ppi_plus", "ppi_plus_low", "ppi_plus_high" -> {
                PredictionPowered p = PredictionPowered.of(
                        new AgreementTable(count(in[0]), count(in[1]), count(in[2]), count(in[3])),
                        count(in[4]),
                        count(in[5]));
                yield switch (figure) {
                    case "ppi" -> p.classic().point();
                    case "ppi_low" -> p.classic().low();
                    case "ppi_high" -> p.classic().high();
                    case "ppi_lambda" -> OptionalDouble.of(p.lambda());
                    case "ppi_plus" -> p.tuned().point();
                    case "ppi_plus_low" -> p.tuned().low();
                    default -> p.tuned().high();
                };
            }
            default -> throw new IllegalArgumentException("No figure " + figure);
        };
    }

    private static AgreementTable table(double[] in) {
        return new AgreementTable(count(in[0]), count(in[1]), count(in[2]), count(in[3]));
    }

    /** h right of n naming a label, u naming none, as base answers. */
    private static AccuracyBounds bounds(double[] in) {
        return new AccuracyBounds(new Proportion(count(in[0]), count(in[1])), count(in[2]), new Proportion(0, 0), 0);
    }

    private static long count(double value) {
        return (long) value;
    }
}
