package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** {@code --fail-below} on a figure's point, or with {@code _low} on the lower end of its interval. */
class ThresholdsTest {

    private static JsonNode metrics(double kappa, double low) throws Exception {
        return new ObjectMapper()
                .readTree("{\"kappa\": " + kappa + ", \"kappa_ci_low\": " + low + ", \"judge_vs_truth\": 0.8,"
                        + " \"judge_vs_truth_ci_low\": null}");
    }

    private static Thresholds parse(String text) {
        return new Thresholds.Converter().convert(text);
    }

    @Test
    void aLowGateHoldsTheIntervalsLowerEndNotThePoint() throws Exception {
        Thresholds gate = parse("kappa_low=0.6");
        Optional<String> short1 = gate.shortfall(metrics(0.7, 0.55));
        assertTrue(short1.isPresent(), "the point passes, the interval does not");
        assertEquals("kappa_low 0.5500 < 0.6", short1.get());
        assertEquals(Optional.empty(), gate.shortfall(metrics(0.7, 0.65)));
        assertEquals(Optional.empty(), parse("kappa=0.6").shortfall(metrics(0.7, 0.55)), "the point alone");
    }

    @Test
    void anUndefinedLowerEndFailsAndAnUnknownMetricIsRefused() throws Exception {
        assertTrue(parse("judge_vs_truth_low=0.5")
                .shortfall(metrics(0.7, 0.6))
                .orElseThrow()
                .contains("undefined"));
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> parse("speed_low=1"));
        assertTrue(e.getMessage().contains("kappa_low=0.6"), e.getMessage());
    }
}
