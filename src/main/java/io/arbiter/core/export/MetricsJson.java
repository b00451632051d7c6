package io.arbiter.core.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.metrics.AccuracyBounds;
import io.arbiter.core.metrics.AgreementTable;
import io.arbiter.core.metrics.Estimate;
import io.arbiter.core.metrics.JudgeAgreement;
import io.arbiter.core.metrics.JudgeReport;
import io.arbiter.core.metrics.LabelConfusion;
import io.arbiter.core.metrics.LevelBias;
import io.arbiter.core.metrics.PairFigures;
import io.arbiter.core.metrics.PreferenceConfusion;
import io.arbiter.core.metrics.Proportion;
import io.arbiter.core.metrics.ScoreFigures;
import io.arbiter.core.verdict.ScoreScale;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A {@link JudgeReport} as one JSON object with flat keys: each statistic as {@code key}, {@code key_ci_low},
 * {@code key_ci_high} and {@code key_n}, null where it is undefined or has no interval (never NaN); a bootstrapped
 * one also {@code key_resamples}, {@code key_resamples_undefined} and {@code key_ci_mc_error}, and one without an
 * interval {@code key_no_interval} saying why ("too few rows"); plus the 2×2
 * {@code confusion}, the label confusion, the corrected accuracy's assumption and the one-line reading.
 */
public final class MetricsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MetricsJson() {}

    public static String write(JudgeReport report) {
        try {
            return MAPPER.writeValueAsString(tree(report));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode tree(JudgeReport report) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("rows", report.loop().rows());
        JudgeAgreement judge = report.judge();
        put(json, "agreement", judge.agreement());
        put(json, "kappa", judge.kappa());
        put(json, "ac1", judge.ac1());
        put(json, "mcc", judge.mcc());
        put(json, "sensitivity", judge.sensitivity());
        put(json, "specificity", judge.specificity());
        put(json, "precision", judge.precision());
        put(json, "balanced_accuracy", judge.balancedAccuracy());
        AgreementTable table = judge.table();
        ObjectNode confusion = json.putObject("confusion");
        confusion.put("tp", table.tp());
        confusion.put("fp", table.fp());
        confusion.put("fn", table.fn());
        confusion.put("tn", table.tn());

        put(json, "base_vs_truth", report.baseVsTruth(), report.loop().baseVsTruth());
        put(json, "judge_vs_truth", report.judgeVsTruth(), report.loop().judgeVsTruth());
        put(json, "base_vs_judge", report.baseVsJudge(), report.loop().baseVsJudge());
        putBounds(json, report.bounds());
        put(json, "corrected_base_accuracy", report.corrected().estimate());
        json.put("corrected_base_accuracy_judge_correct", report.corrected().judgeCorrect());
        json.put("corrected_base_accuracy_assumption", report.corrected().assumption());
        putPredictionPowered(json, report);

        json.put("unparsed_base", report.loop().unparsedBase());
        json.put("unparsed_judge", report.loop().unparsedJudge());
        json.put("errors", report.loop().errors());
        json.put("labelled_by_human", report.labelledByHuman());
        json.put("truth_human_conflicts", report.truthHumanConflicts());
        json.put("reading", report.reading());

        ObjectNode labels = json.putObject("label_confusion");
        labels.set("base_vs_truth", labels(report.baseLabels()));
        labels.set("judge_vs_truth", labels(report.judgeLabels()));
        putScores(json, report);
        if (report.pairs() != null) {
            putPairs(json, report.pairs());
        }
        return json;
    }

    /**
     * A pairwise judge's figures (docs/PAIRWISE.md): the outcome counts {@code a_wins}, {@code b_wins}, {@code ties},
     * {@code inconsistent}, {@code unparsed_judge} (rows the judge answered without a verdict to read) and {@code
     * decided}; {@code win_rate_a}, {@code position_consistency}, {@code first_position_rate}, {@code
     * human_agreement} and {@code human_kappa}, each with its interval and n; and {@code preference_confusion}, the
     * judge's classes (rows) against people's (columns), A, B and tie. The same keys from a run and from its CSV.
     */
    public static void putPairs(ObjectNode json, PairFigures pairs) {
        json.put("a_wins", pairs.aWins());
        json.put("b_wins", pairs.bWins());
        json.put("ties", pairs.ties());
        json.put("inconsistent", pairs.inconsistent());
        json.put("unparsed_judge", pairs.unparsed());
        json.put("decided", pairs.decided());
        put(json, "win_rate_a", pairs.winRateA());
        put(json, "position_consistency", pairs.positionConsistency());
        put(json, "first_position_rate", pairs.firstPositionRate());
        put(json, "human_agreement", pairs.humanAgreement());
        put(json, "human_kappa", pairs.humanKappa());
        ObjectNode confusion = json.putObject("preference_confusion");
        ArrayNode classes = confusion.putArray("classes");
        PreferenceConfusion.CLASSES.forEach(c -> classes.add(PreferenceConfusion.name(c)));
        confusion.put("rows", "judge");
        confusion.put("columns", "human");
        ArrayNode counts = confusion.putArray("counts");
        for (long[] line : pairs.confusion().counts()) {
            ArrayNode row = counts.addArray();
            for (long count : line) {
                row.add(count);
            }
        }
    }

    /**
     * A scoring judge's figures against people's scores, when the report has them: {@code scale}, {@code pass_at},
     * {@code scored_pairs}, each figure with its interval and n, the score-by-score {@code score_confusion} (rows
     * the human's score, columns the judge's) and {@code bias_by_human_level}. Nothing for a verdict report.
     */
    /**
     * Prediction-powered base accuracy over every row with a parsed verdict (docs/STATISTICS.md): classic PPI and
     * PPI++ with their intervals, the tuned weight and the two sets' sizes; what {@code metrics} and {@code run} print.
     */
    public static void putPredictionPowered(ObjectNode json, JudgeReport report) {
        put(json, "ppi_base_accuracy", report.ppi().classic());
        put(json, "ppi_plus_base_accuracy", report.ppi().tuned());
        json.put("ppi_plus_lambda", rounded(report.ppi().lambda()));
        json.put("ppi_labelled", report.ppi().labelled());
        json.put("ppi_unlabelled", report.ppi().unlabelled());
    }

    /**
     * Base accuracy and judge vs truth with the rows whose answer names no label counted all right ({@code _best}) or
     * all wrong ({@code _worst}), and how many such rows there are; what {@code metrics} and {@code run} print.
     */
    public static void putBounds(ObjectNode json, AccuracyBounds bounds) {
        number(
                json,
                "base_accuracy_best",
                bounds.baseBest().isPresent(),
                bounds.baseBest().orElse(Double.NaN));
        number(
                json,
                "base_accuracy_worst",
                bounds.baseWorst().isPresent(),
                bounds.baseWorst().orElse(Double.NaN));
        number(
                json,
                "judge_vs_truth_best",
                bounds.judgeBest().isPresent(),
                bounds.judgeBest().orElse(Double.NaN));
        number(
                json,
                "judge_vs_truth_worst",
                bounds.judgeWorst().isPresent(),
                bounds.judgeWorst().orElse(Double.NaN));
        json.put("base_no_label", bounds.baseNoLabel());
        json.put("judge_no_label", bounds.judgeNoLabel());
    }

    public static void putScores(ObjectNode json, JudgeReport report) {
        ScoreFigures scores = report.scores();
        if (scores == null) {
            return;
        }
        json.put("scale", report.scale().toString());
        json.put("pass_at", report.passAt());
        json.put("scored_pairs", scores.n());
        put(json, "mean_judge_score", scores.meanJudge());
        put(json, "mean_human_score", scores.meanHuman());
        put(json, "mean_score_difference", scores.meanDifference());
        put(json, "exact_agreement", scores.exactAgreement());
        put(json, "within_one", scores.withinOne());
        put(json, "weighted_kappa_linear", scores.weightedKappaLinear());
        put(json, "weighted_kappa_quadratic", scores.weightedKappaQuadratic());
        put(json, "spearman", scores.spearman());
        put(json, "kendall_tau_b", scores.kendallTauB());
        put(json, "mae", scores.mae());
        ObjectNode confusion = json.putObject("score_confusion");
        ArrayNode levels = confusion.putArray("levels");
        ScoreScale scale = report.scale();
        for (int level = scale.low(); level <= scale.high(); level++) {
            levels.add(level);
        }
        ArrayNode counts = confusion.putArray("counts");
        for (int human = scale.low(); human <= scale.high(); human++) {
            ArrayNode line = counts.addArray();
            for (int judge = scale.low(); judge <= scale.high(); judge++) {
                line.add(scores.confusion().count(human, judge));
            }
        }
        ObjectNode bias = json.putObject("bias_by_human_level");
        for (LevelBias level : scores.biasByHumanLevel()) {
            put(bias.putObject(Integer.toString(level.humanLevel())), "mean_difference", level.meanDifference());
        }
    }

    private static ObjectNode labels(LabelConfusion confusion) {
        ObjectNode json = MAPPER.createObjectNode();
        ArrayNode rows = json.putArray("labels");
        confusion.labels().forEach(rows::add);
        ArrayNode columns = json.putArray("columns");
        confusion.columns().forEach(columns::add);
        ArrayNode counts = json.putArray("counts");
        for (long[] line : confusion.counts()) {
            ArrayNode row = counts.addArray();
            for (long count : line) {
                row.add(count);
            }
        }
        json.put("total", confusion.total());
        json.put("unparsed", confusion.unparsed());
        ObjectNode noLabel = json.putObject("unparsed_by_label");
        for (int r = 0; r < confusion.labels().size(); r++) {
            noLabel.put(confusion.labels().get(r), confusion.unparsedOf(r));
        }
        ObjectNode perLabel = json.putObject("per_label_accuracy");
        for (Map.Entry<String, Estimate> entry : confusion.perLabelAccuracy().entrySet()) {
            ObjectNode label = perLabel.putObject(entry.getKey());
            put(label, "accuracy", entry.getValue());
        }
        put(json, "macro_precision", confusion.macroPrecision());
        put(json, "macro_recall", confusion.macroRecall());
        put(json, "macro_f1", confusion.macroF1());
        return json;
    }

    private static void put(ObjectNode json, String key, Estimate estimate, Proportion counts) {
        put(json, key, estimate);
        json.put(key + "_hits", counts.hits());
    }

    /** A statistic as {@code key}, {@code key_ci_low}, {@code key_ci_high} and {@code key_n}; null where undefined. */
    static void put(ObjectNode json, String key, Estimate estimate) {
        number(json, key, estimate.isDefined(), estimate.value());
        number(json, key + "_ci_low", estimate.hasInterval(), estimate.ciLow());
        number(json, key + "_ci_high", estimate.hasInterval(), estimate.ciHigh());
        json.put(key + "_n", estimate.n());
        putIntervalNotes(json, key, estimate);
    }

    /**
     * What an interval rests on, for every place that prints an estimate's keys: for a bootstrapped figure {@code
     * key_resamples}, {@code key_resamples_undefined} (resamples where it had no value, left out of the interval) and
     * {@code key_ci_mc_error} (the Monte-Carlo standard error of its ends, null without an interval); for a defined
     * figure without an interval {@code key_no_interval}, why.
     */
    public static void putIntervalNotes(ObjectNode json, String key, Estimate estimate) {
        if (estimate.resampling().bootstrapped()) {
            json.put(key + "_resamples", estimate.resampling().resamples());
            json.put(key + "_resamples_undefined", estimate.resampling().undefined());
            number(
                    json,
                    key + "_ci_mc_error",
                    estimate.hasInterval(),
                    estimate.resampling().monteCarloError());
        }
        if (!estimate.noInterval().isEmpty()) {
            json.put(key + "_no_interval", estimate.noInterval());
        }
    }

    /** Significant digits a figure is written with: more than any figure means, fewer than a double's noise. */
    public static final int SIGNIFICANT_DIGITS = 12;

    /**
     * {@code value} to {@link #SIGNIFICANT_DIGITS} significant digits, and 0 when it is within 1e-12 of it, so
     * floating-point noise (0.30000000000000004, a difference of 1.4e-19 that is 0) never reaches the file.
     */
    public static double rounded(double value) {
        if (!Double.isFinite(value) || value == 0) {
            return value;
        }
        if (Math.abs(value) < 1e-12) {
            return 0.0;
        }
        return new java.math.BigDecimal(value)
                .round(new java.math.MathContext(SIGNIFICANT_DIGITS))
                .doubleValue();
    }

    private static void number(ObjectNode json, String key, boolean present, double value) {
        if (present && Double.isFinite(value)) {
            json.put(key, rounded(value));
        } else {
            json.putNull(key);
        }
    }
}
