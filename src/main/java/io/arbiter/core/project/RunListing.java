package io.arbiter.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import io.arbiter.core.store.RunRecord;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One line of the Runs list: the run's record and the headline metrics computed when it ended.
 *
 * @param rows the rows the run covered; 0 when it never ended (metrics are computed at the end)
 */
public record RunListing(RunRecord record, long rows, JsonNode metrics) {

    /** The metric names {@link #metric} and {@code --fail-below} know. */
    public static final List<String> HEADLINE =
            List.of("base_vs_truth", "judge_vs_truth", "base_vs_judge", "kappa", "ac1", "agreement");

    /** A scoring run's figures where higher is better, which a drift gate may hold a run to. */
    public static final List<String> SCORE_HEADLINE = List.of(
            "weighted_kappa_quadratic",
            "weighted_kappa_linear",
            "exact_agreement",
            "within_one",
            "spearman",
            "kendall_tau_b");

    /**
     * A pairwise run's figures where higher is better for the judge or for answer A, which a gate may hold a run to
     * (the first-position rate is best at 0.5, so it is no gate).
     */
    public static final List<String> PAIR_HEADLINE =
            List.of("win_rate_a", "position_consistency", "human_agreement", "human_kappa");

    /** How far the judge can be trusted: agreement of a jury, of repeats; and the flip rate, which must stay low. */
    public static final List<String> RELIABILITY_HEADLINE =
            List.of("jury_kappa", "jury_fleiss_kappa", "jury_krippendorff_alpha", "repeat_fleiss_kappa", "flip_rate");

    /** The gated figures where lower is better: {@code --fail-below flip_rate=0.1} fails a run above 0.1. */
    public static final List<String> AT_MOST = List.of("flip_rate");

    /** Every figure {@code --fail-below} takes. */
    public static final List<String> GATES = java.util.stream.Stream.of(
                    HEADLINE, SCORE_HEADLINE, PAIR_HEADLINE, RELIABILITY_HEADLINE)
            .flatMap(List::stream)
            .toList();

    /** Where the metrics JSON keeps the tokens answered from the response cache (counted, not sent). */
    static final String CACHED_TOKENS = "cached_tokens";

    static RunListing of(RunRecord record) {
        JsonNode metrics = record.metricsJson() == null
                ? ProjectJson.MAPPER.createObjectNode()
                : ProjectJson.read(record.metricsJson());
        return new RunListing(record, metrics.path("rows").asLong(0), metrics);
    }

    public long id() {
        return record.id();
    }

    /** The user's name for the run, or "run N". */
    public String displayName() {
        return record.name() != null ? record.name() : "run " + record.id();
    }

    /**
     * True for a draft: a run tried on selected rows only (the workbench's "Try on selection"), marked so in its
     * stored parameters. Its figures cover those rows, so they do not compare with a whole run's as they stand.
     */
    public boolean draft() {
        String parameters = record.parametersJson();
        return parameters != null && ProjectJson.read(parameters).path("draft").asBoolean(false);
    }

    /** The dataset rows a draft covered, ascending; empty for a run over every row. */
    public List<Integer> selectedRows() {
        String parameters = record.parametersJson();
        if (parameters == null) {
            return List.of();
        }
        List<Integer> rows = new java.util.ArrayList<>();
        ProjectJson.read(parameters).path("selected_rows").forEach(row -> rows.add(row.asInt()));
        return List.copyOf(rows);
    }

    /** Of the run's tokens, those answered from the response cache: not sent, not paid. 0 when unknown (older runs). */
    public long cachedTokens() {
        return metrics.path(CACHED_TOKENS).asLong(0);
    }

    /** Rows the run ended without an answer; 0 when none or unknown (runs recorded before this was kept). */
    public long unanswered() {
        return metrics.path("unanswered").asLong(0);
    }

    /**
     * The status as a person reads it: "COMPLETED", or "completed with 12 rows unanswered" when it ended with rows
     * that have only an error; the stored status otherwise.
     */
    public String statusText() {
        long left = unanswered();
        if ("COMPLETED".equals(record.status()) && left > 0) {
            return "completed with " + left + (left == 1 ? " row" : " rows") + " unanswered";
        }
        return record.status();
    }

    /** A metric from the stored metrics JSON; empty when undefined or never computed. */
    public OptionalDouble metric(String name) {
        JsonNode value = metrics.get(name);
        return value == null || !value.isNumber() ? OptionalDouble.empty() : OptionalDouble.of(value.asDouble());
    }
}
