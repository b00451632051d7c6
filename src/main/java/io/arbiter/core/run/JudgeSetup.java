package io.arbiter.core.run;

import io.arbiter.core.llm.TokenPrices;
import java.util.ArrayList;
import java.util.List;

/**
 * Who judged a run and at what price, as {@link JudgeReliability} needs it: the jurors' models (the provider's judge
 * first), the model whose answers they judged, the panel (repeats, shuffled labels) and the judge's token prices. Both
 * faces build it from the run's {@link RunSpec}; a stored run's comes from its project.
 *
 * @param jurors    every juror's model, the provider's judge first
 * @param baseModel the model whose answers were judged; null when they came from a column
 * @param panel     how many jurors and repeats, and whether labels were shuffled
 * @param prices    what the judge's tokens cost, each juror priced alike
 */
public record JudgeSetup(List<String> jurors, String baseModel, JudgePanel panel, TokenPrices prices) {

    public JudgeSetup {
        jurors = List.copyOf(jurors);
    }

    /** The setup of a run about to start (or started) from {@code spec}. */
    public static JudgeSetup of(RunSpec spec) {
        return new JudgeSetup(
                spec.jurors(),
                spec.mapping().judgeOnly() ? null : spec.provider().baseModel(),
                spec.panel(),
                spec.provider().prices());
    }

    /**
     * The same setup as a Batch API run is charged: each juror at {@link TokenPrices#BATCH_SHARE} of its own
     * provider's prices (the run's for the jurors on the run's provider), since each sent its votes to its own
     * provider's Batch API.
     */
    public JudgeSetup inBatch() {
        return new JudgeSetup(
                jurors, baseModel, panel.pricedAt(TokenPrices.BATCH_SHARE), prices.times(TokenPrices.BATCH_SHARE));
    }

    /**
     * What the rows' votes say when nothing else is known: as many jurors and repeats as they hold, jurors named by
     * their seat ("juror 1" …), no base model and unknown prices.
     */
    public static JudgeSetup fromVotes(List<RowResult> rows) {
        RowVotes votes = rows.stream()
                .map(RowResult::votes)
                .filter(v -> v != null)
                .findFirst()
                .orElse(null);
        if (votes == null) {
            return new JudgeSetup(List.of("judge"), null, JudgePanel.SINGLE, TokenPrices.UNKNOWN);
        }
        List<String> names = new ArrayList<>(votes.jurors());
        for (int juror = 1; juror <= votes.jurors(); juror++) {
            names.add("juror " + juror);
        }
        return new JudgeSetup(
                names,
                null,
                new JudgePanel(names.subList(1, names.size()), votes.repeats(), false),
                TokenPrices.UNKNOWN);
    }

    /** True when {@code rows}' votes were cast by this setup's panel (a setup of another run would misname them). */
    public boolean fits(List<RowResult> rows) {
        return rows.stream()
                .map(RowResult::votes)
                .allMatch(v -> v == null
                        ? panel.single()
                        : v.jurors() == panel.jurorCount() && v.repeats() == panel.repeats());
    }
}
