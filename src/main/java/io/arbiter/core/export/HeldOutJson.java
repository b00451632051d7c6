package io.arbiter.core.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.metrics.HeldOutAgreement;

/**
 * The held-out keys of the metrics JSON (docs/STATISTICS.md, "Held-out rows"), beside {@link MetricsJson}'s: the
 * judge against people on the rows held out from worked examples, and on the promotable rows, apart.
 */
public final class HeldOutJson {

    private HeldOutJson() {}

    /**
     * {@code held_out_share}; {@code held_out_agreement} and {@code held_out_kappa} with their intervals, and {@code
     * held_out_n}, the held-out rows a person judged; {@code example_rows_agreement}, {@code example_rows_kappa} and
     * {@code example_rows_n} on the promotable rows. Nothing is written without a split.
     */
    public static void put(ObjectNode json, HeldOutAgreement figures) {
        json.put("held_out_share", MetricsJson.rounded(figures.share()));
        MetricsJson.put(json, "held_out_agreement", figures.heldOut().agreement());
        MetricsJson.put(json, "held_out_kappa", figures.heldOut().kappa());
        json.put("held_out_n", figures.heldOut().table().n());
        MetricsJson.put(json, "example_rows_agreement", figures.examples().agreement());
        MetricsJson.put(json, "example_rows_kappa", figures.examples().kappa());
        json.put("example_rows_n", figures.examples().table().n());
    }
}
