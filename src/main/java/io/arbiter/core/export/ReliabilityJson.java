package io.arbiter.core.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.metrics.Estimate;
import io.arbiter.core.metrics.JurorFigures;
import io.arbiter.core.metrics.JuryFigures;
import io.arbiter.core.metrics.JuryMajority;
import io.arbiter.core.metrics.LengthBias;
import io.arbiter.core.metrics.Proportion;
import io.arbiter.core.metrics.RepeatFigures;
import io.arbiter.core.metrics.SelfPreference;
import io.arbiter.core.run.JudgeReliability;
import java.util.List;
import java.util.Optional;

/**
 * A run's {@link JudgeReliability} as flat keys beside the metrics: {@code flip_rate}, {@code repeat_fleiss_kappa},
 * {@code jury_kappa}, {@code jury_fleiss_kappa}, {@code jury_krippendorff_alpha}, {@code length_bias_spearman} (each
 * with {@code _ci_low}, {@code _ci_high} and {@code _n}), and {@code jurors}: a list of {@code {model, agreement,
 * kappa, kappa_ci_low, kappa_ci_high, cost}}. Every key is written for every run, null where it is undefined (a run
 * judged once has no flip rate), so a reader and the drift gate see one shape.
 */
public final class ReliabilityJson {

    /** The kappa the cheapest jury must reach, as the card and the JSON name it. */
    public static final double CHEAPEST_JURY_KAPPA = 0.6;

    private ReliabilityJson() {}

    public static void put(ObjectNode json, JudgeReliability reliability) {
        RepeatFigures repeats = reliability.repeats();
        estimate(json, "flip_rate", repeats == null ? null : repeats.flipRate());
        estimate(
                json,
                "repeat_fleiss_kappa",
                repeats == null ? null : repeats.fleiss().kappa());
        estimate(json, "repeat_mean_agreement", repeats == null ? null : repeats.meanAgreement());
        count(json, "repeat_no_majority", repeats == null ? null : (long) repeats.noMajorityRows());
        json.put("label_order_shuffled", reliability.labelOrder());

        JuryFigures jury = reliability.jury();
        JuryMajority majority = jury == null ? null : jury.jury();
        estimate(json, "jury_kappa", majority == null ? null : majority.kappa());
        estimate(json, "jury_agreement", majority == null ? null : majority.agreement());
        count(json, "jury_no_majority", majority == null ? null : majority.noMajority());
        estimate(json, "jury_fleiss_kappa", jury == null ? null : jury.fleiss().kappa());
        Estimate alpha = reliability.scoreAlpha() != null
                ? reliability.scoreAlpha().alpha()
                : jury == null ? null : jury.alpha().alpha();
        estimate(json, "jury_krippendorff_alpha", alpha);
        json.put(
                "jury_krippendorff_alpha_metric",
                alpha == null ? null : reliability.scoreAlpha() != null ? "interval" : "nominal");
        jurors(json.putArray("jurors"), jury);
        matrix(json, jury);
        cheapest(json, jury);

        LengthBias length = reliability.length();
        estimate(json, "length_bias_spearman", length == null ? null : length.spearman());
        ArrayNode quartiles = json.putArray("length_bias_by_quartile");
        if (length != null) {
            for (Estimate quartile : length.byQuartile()) {
                estimate(quartiles.addObject(), length.scores() ? "mean_score" : "acceptance", quartile);
            }
        }
        json.put("length_bias_reading", length == null ? null : length.reading());

        SelfPreference self = reliability.selfPreference();
        ObjectNode selfJson = json.putObject("self_preference");
        selfJson.put("flagged", self != null && self.flagged());
        selfJson.put(
                "base_family",
                self == null || self.baseFamily() == null
                        ? null
                        : self.baseFamily().id());
        estimate(selfJson, "difference", self == null ? null : self.difference());
        selfJson.put("reading", self == null ? null : self.reading());
    }

    private static void jurors(ArrayNode list, JuryFigures jury) {
        if (jury == null) {
            return;
        }
        for (JurorFigures juror : jury.jurors()) {
            ObjectNode line = list.addObject();
            line.put("model", juror.name());
            number(line, "agreement", juror.agreement().point());
            number(line, "kappa", juror.kappa().point());
            number(
                    line,
                    "kappa_ci_low",
                    juror.kappa().hasInterval() ? juror.kappa().low() : java.util.OptionalDouble.empty());
            number(
                    line,
                    "kappa_ci_high",
                    juror.kappa().hasInterval() ? juror.kappa().high() : java.util.OptionalDouble.empty());
            line.put("n", juror.n());
            if (juror.cost() == null) {
                line.putNull("cost");
            } else {
                line.put("cost", juror.cost());
            }
        }
    }

    /** Share of the rows both jurors read on which they agree; null where they share none. */
    private static void matrix(ObjectNode json, JuryFigures jury) {
        if (jury == null) {
            json.putNull("juror_agreement_matrix");
            return;
        }
        ArrayNode rows = json.putArray("juror_agreement_matrix");
        for (List<Proportion> line : jury.agreementMatrix()) {
            ArrayNode row = rows.addArray();
            line.forEach(cell -> {
                if (cell.rate().isPresent()) {
                    row.add(cell.rate().getAsDouble());
                } else {
                    row.addNull();
                }
            });
        }
    }

    private static void cheapest(ObjectNode json, JuryFigures jury) {
        Optional<JuryMajority> cheapest = jury == null ? Optional.empty() : jury.cheapestSubset(CHEAPEST_JURY_KAPPA);
        if (cheapest.isEmpty()) {
            json.putNull("cheapest_jury");
            return;
        }
        ObjectNode subset = json.putObject("cheapest_jury");
        subset.put("kappa_at_least", CHEAPEST_JURY_KAPPA);
        cheapest.get().jurors().forEach(subset.putArray("jurors")::add);
        estimate(subset, "kappa", cheapest.get().kappa());
        if (cheapest.get().cost() == null) {
            subset.putNull("cost");
        } else {
            subset.put("cost", cheapest.get().cost());
        }
    }

    private static void estimate(ObjectNode json, String key, Estimate estimate) {
        MetricsJson.put(json, key, estimate == null ? Estimate.undefined(0) : estimate);
    }

    private static void count(ObjectNode json, String key, Long count) {
        if (count == null) {
            json.putNull(key);
        } else {
            json.put(key, count);
        }
    }

    private static void number(ObjectNode json, String key, java.util.OptionalDouble value) {
        if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
            json.put(key, value.getAsDouble());
        } else {
            json.putNull(key);
        }
    }
}
