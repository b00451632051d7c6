package io.arbiter.core.run;

import io.arbiter.core.llm.TokenPrices;
import io.arbiter.core.llm.Usage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.IntFunction;

/**
 * What a run's tokens cost, juror by juror: the run's provider's prices for its base model and for every juror on it,
 * and a juror's own profile's for one on another provider ({@code model@profile}), whose votes that provider bills. A
 * project keeps them with each run as it started, so the run is priced at them however the profiles change later.
 *
 * @param run the run's provider's prices
 * @param own each juror's own provider's prices, jurors in order, null for a juror on the run's provider; jurors past
 *            its end are on the run's provider too (empty when every juror is)
 */
public record JurorPrices(TokenPrices run, List<TokenPrices> own) {

    public JurorPrices {
        own = Collections.unmodifiableList(new ArrayList<>(own)); // nulls stand for the run's own
    }

    /** Every juror on the run's provider, priced at {@code run}: a run without jurors elsewhere, or kept before them. */
    public static JurorPrices alike(TokenPrices run) {
        return new JurorPrices(run, List.of());
    }

    /** The prices a run of {@code spec} is charged: its provider's, and each of its jurors' own providers'. */
    public static JurorPrices of(RunSpec spec) {
        JudgePanel panel = spec.panel();
        List<TokenPrices> own = new ArrayList<>(panel.jurorCount());
        for (int juror = 0; juror < panel.jurorCount(); juror++) {
            JurorProvider provider = panel.provider(juror);
            own.add(provider == null ? null : provider.profile().prices());
        }
        return new JurorPrices(spec.provider().prices(), own.stream().allMatch(p -> p == null) ? List.of() : own);
    }

    /** The prices juror {@code juror} (0-based, the run's judge first) is charged at. */
    public TokenPrices juror(int juror) {
        TokenPrices prices = juror < own.size() ? own.get(juror) : null;
        return prices == null ? run : prices;
    }

    /** These prices at {@code share} of themselves, e.g. the Batch API's, which each provider charges for its own. */
    public JurorPrices times(double share) {
        List<TokenPrices> scaled = new ArrayList<>(own.size());
        own.forEach(p -> scaled.add(p == null ? null : p.times(share)));
        return new JurorPrices(run.times(share), scaled);
    }

    /**
     * The price of a run's tokens: {@code base} and {@code judge} at the run's prices, except each juror's part of
     * {@code judge} ({@code jurors.apply(juror)}) on a provider of its own, at that provider's judge prices. Empty when
     * a price they need is unknown.
     */
    public OptionalDouble cost(Usage base, Usage judge, IntFunction<Usage> jurors) {
        Usage atRun = judge;
        double elsewhere = 0;
        for (int juror = 0; juror < own.size(); juror++) {
            if (own.get(juror) == null) {
                continue;
            }
            Usage part = jurors.apply(juror);
            OptionalDouble cost = own.get(juror).cost(Usage.NONE, part);
            if (cost.isEmpty()) {
                return cost;
            }
            elsewhere += cost.getAsDouble();
            atRun = atRun.minus(part);
        }
        OptionalDouble rest = run.cost(base, atRun);
        return rest.isPresent() ? OptionalDouble.of(rest.getAsDouble() + elsewhere) : rest;
    }
}
