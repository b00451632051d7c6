package io.arbiter.core.run;

import io.arbiter.core.llm.TokenPrices;
import java.util.ArrayList;
import java.util.List;

/**
 * Who judged a run and at what price, as {@link JudgeReliability} needs it: the jurors' models (the provider's judge
 * first), the model whose answers they judged, the panel (repeats, shuffled labels) and each juror's token prices.
 * Both faces build it from the run's {@link RunSpec}; a stored run's comes from its project, with the prices it
 * recorded when it started, so the two price a juror alike.
 *
 * @param jurors    every juror's model, the provider's judge first
 * @param baseModel the model whose answers were judged; null when they came from a column
 * @param panel     how many jurors and repeats, and whether labels were shuffled
 * @param prices    what each juror's tokens cost: the run's provider's prices, or its own provider's
 */
public record JudgeSetup(List<String> jurors, String baseModel, JudgePanel panel, JurorPrices prices) {

    public JudgeSetup {
        jurors = List.copyOf(jurors);
    }

    /** The setup of a run about to start (or started) from {@code spec}. */
    public static JudgeSetup of(RunSpec spec) {
        return new JudgeSetup(
                spec.jurors(),
                spec.mapping().judgeOnly() ? null : spec.provider().baseModel(),
                spec.panel(),
                JurorPrices.of(spec));
    }

    /**
     * The same setup as a Batch API run is charged: each juror at {@link TokenPrices#BATCH_SHARE} of its own
     * provider's prices (the run's for the jurors on the run's provider), since each sent its votes to its own
     * provider's Batch API.
     */
    public JudgeSetup inBatch() {
        return new JudgeSetup(jurors, baseModel, panel, prices.times(TokenPrices.BATCH_SHARE));
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
            return new JudgeSetup(List.of("judge"), null, JudgePanel.SINGLE, JurorPrices.alike(TokenPrices.UNKNOWN));
        }
        List<String> names = new ArrayList<>(votes.jurors());
        for (int juror = 1; juror <= votes.jurors(); juror++) {
            names.add("juror " + juror);
        }
        return new JudgeSetup(
                names,
                null,
                new JudgePanel(names.subList(1, names.size()), votes.repeats(), false),
                JurorPrices.alike(TokenPrices.UNKNOWN));
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
