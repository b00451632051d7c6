package io.arbiter.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.core.metrics.JudgeReport;
import io.arbiter.core.metrics.ScoredRow;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.JudgeVerdict;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsJsonTest {

    private static final List<String> KEYS = List.of(
            "agreement",
            "kappa",
            "ac1",
            "mcc",
            "sensitivity",
            "specificity",
            "precision",
            "balanced_accuracy",
            "base_vs_truth",
            "judge_vs_truth",
            "base_vs_judge",
            "corrected_base_accuracy");

    @Test
    void theWikipediaKappaTableAsJson() throws Exception {
        // tp 20, fp 5, fn 10, tn 15 (see AgreementTableTest): κ = 0.4, agreement 0.7, sensitivity 20/30.
        List<ScoredRow> rows = new ArrayList<>();
        add(rows, 20, "Drama", "Drama", Evaluation.CORRECT);
        add(rows, 5, "Comedy", "Drama", Evaluation.CORRECT);
        add(rows, 10, "Drama", "Drama", Evaluation.INCORRECT);
        add(rows, 15, "Comedy", "Drama", Evaluation.INCORRECT);
        JsonNode json = new ObjectMapper().readTree(MetricsJson.write(JudgeReport.of(rows)));

        for (String key : KEYS) {
            assertTrue(
                    json.has(key) && json.has(key + "_ci_low") && json.has(key + "_ci_high") && json.has(key + "_n"),
                    key);
        }
        assertEquals(0.4, json.get("kappa").asDouble(), 1e-12);
        assertEquals(0.7, json.get("agreement").asDouble(), 1e-12);
        assertEquals(50, json.get("agreement_n").asLong());
        assertEquals(30, json.get("sensitivity_n").asLong());
        assertTrue(json.get("kappa_ci_low").asDouble() < 0.4
                && json.get("kappa_ci_high").asDouble() > 0.4);
        assertEquals(
                Map.of("tp", 20, "fp", 5, "fn", 10, "tn", 15),
                new ObjectMapper().convertValue(json.get("confusion"), Map.class));
        assertEquals(0.6, json.get("base_vs_truth").asDouble(), 1e-12);
        assertEquals(30, json.get("base_vs_truth_hits").asLong());
        assertTrue(json.get("corrected_base_accuracy").isNull(), "no unlabelled rows");
        assertTrue(json.get("ppi_base_accuracy").isNull(), "PPI needs rows without a label too");
        assertEquals(50, json.get("ppi_labelled").asLong());
        assertTrue(json.has("ppi_plus_base_accuracy_ci_high") && json.has("ppi_plus_lambda"));
        assertFalse(json.get("reading").asText().isEmpty());
        JsonNode labels = json.get("label_confusion").get("base_vs_truth");
        assertEquals(
                List.of("Comedy", "Drama"),
                List.of(
                        labels.get("labels").get(0).asText(),
                        labels.get("labels").get(1).asText()));
        assertEquals("[[0,20],[0,30]]", labels.get("counts").toString());
        assertEquals(
                1.0,
                labels.get("per_label_accuracy").get("Drama").get("accuracy").asDouble());
    }

    @Test
    void degenerateReportsAreNullsNeverNaN() throws Exception {
        List<List<ScoredRow>> cases = List.of(
                List.of(),
                List.of(new ScoredRow(List.of("Drama"), null, null, true)),
                rowsOf(10, "Drama", "Drama", Evaluation.CORRECT),
                rowsOf(4, "", "Drama", Evaluation.INCORRECT));
        for (List<ScoredRow> rows : cases) {
            String text = MetricsJson.write(JudgeReport.of(rows));
            assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
            JsonNode json = new ObjectMapper().readTree(text);
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                assertTrue(
                        field.getValue().isNull()
                                || !field.getValue().isNumber()
                                || Double.isFinite(field.getValue().asDouble()),
                        field.getKey());
            }
        }
        JsonNode allRight = new ObjectMapper()
                .readTree(MetricsJson.write(JudgeReport.of(rowsOf(10, "Drama", "Drama", Evaluation.CORRECT))));
        assertTrue(allRight.get("kappa").isNull());
        assertTrue(allRight.get("specificity").isNull());
        assertEquals(1.0, allRight.get("ac1").asDouble());
        JsonNode empty = new ObjectMapper().readTree(MetricsJson.write(JudgeReport.of(List.of())));
        for (String key : KEYS) {
            assertTrue(empty.get(key).isNull(), key);
            assertEquals(0, empty.get(key + "_n").asLong(), key);
        }
    }

    private static List<ScoredRow> rowsOf(int count, String truth, String base, Evaluation evaluation) {
        List<ScoredRow> rows = new ArrayList<>();
        add(rows, count, truth, base, evaluation);
        return rows;
    }

    private static void add(List<ScoredRow> rows, int count, String truth, String base, Evaluation evaluation) {
        for (int i = 0; i < count; i++) {
            rows.add(new ScoredRow(
                    truth.isEmpty() ? List.of() : List.of(truth),
                    new BaseAnswer(base, base),
                    new JudgeVerdict(truth + "," + evaluation, truth.isEmpty() ? base : truth, evaluation),
                    false));
        }
    }

    @Test
    void predictionPoweredAccuracyIsWrittenWithItsIntervalAndTheTunedOne() throws Exception {
        // The hand-worked case of PredictionPoweredTest: L tp 3, fp 1, fn 1, tn 1; U 5 Correct of 8.
        List<ScoredRow> rows = new ArrayList<>();
        add(rows, 3, "Drama", "Drama", Evaluation.CORRECT);
        add(rows, 1, "Comedy", "Drama", Evaluation.CORRECT);
        add(rows, 1, "Drama", "Drama", Evaluation.INCORRECT);
        add(rows, 1, "Comedy", "Drama", Evaluation.INCORRECT);
        add(rows, 5, "", "Drama", Evaluation.CORRECT);
        add(rows, 3, "", "Drama", Evaluation.INCORRECT);
        JsonNode json = new ObjectMapper().readTree(MetricsJson.write(JudgeReport.of(rows)));

        assertEquals(0.625, json.get("ppi_base_accuracy").asDouble(), 1e-12);
        assertEquals(0.004743977219, json.get("ppi_base_accuracy_ci_low").asDouble(), 1e-9);
        assertEquals(1.0, json.get("ppi_base_accuracy_ci_high").asDouble(), 1e-12);
        assertEquals(0.661316872428, json.get("ppi_plus_base_accuracy").asDouble(), 1e-9);
        assertEquals(0.128395061728, json.get("ppi_plus_lambda").asDouble(), 1e-9);
        assertEquals(14, json.get("ppi_base_accuracy_n").asLong());
        assertEquals(8, json.get("ppi_unlabelled").asLong());
    }

    @Test
    void figuresAreWrittenToTwelveSignificantDigitsWithoutFloatingPointNoise() {
        assertEquals(0.3, MetricsJson.rounded(0.1 + 0.2)); // 0.30000000000000004 before
        assertEquals(0.0, MetricsJson.rounded(1.4e-19), "noise around 0 is 0");
        assertEquals(0.0, MetricsJson.rounded(-2.7e-17));
        assertEquals(0.123456789012, MetricsJson.rounded(0.1234567890123456));
        assertEquals(-0.666666666667, MetricsJson.rounded(-2.0 / 3));
        assertEquals(84.0, MetricsJson.rounded(84.0));
        assertTrue(Double.isNaN(MetricsJson.rounded(Double.NaN)));
    }
}
