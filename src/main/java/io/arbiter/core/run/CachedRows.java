package io.arbiter.core.run;

import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.RequestKey;
import io.arbiter.core.llm.ResponseCache;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How much of a run the response cache already answers, counted like {@link RunEstimate} on up to
 * {@link RunEstimate#SAMPLE_ROWS} rows spread over the dataset: a row's base answer is free when its request is
 * cached, each of its votes (the judge's, a juror's, a repeat's) when that vote's request for the cached answer is
 * too. Pairs and answers given in the dataset are not counted (nothing is free for them here).
 *
 * @param sampled rows looked up
 * @param base    of those, rows whose base answer is cached
 * @param judge   votes cached on those rows (one a row for one judge asked once)
 * @param votes   judge requests a row sends: every vote of a jury and its repeats, 1 for one judge once
 * @param byJuror of {@code judge}, each juror's (the run's judge first), for a jury whose jurors are billed apart;
 *                empty when not counted, when every juror counts the same share
 */
public record CachedRows(int sampled, int base, int judge, int votes, List<Integer> byJuror) {

    public static final CachedRows NONE = new CachedRows(0, 0, 0);

    public CachedRows {
        byJuror = List.copyOf(byJuror);
    }

    /** Rows of a run judged once each. */
    public CachedRows(int sampled, int base, int judge) {
        this(sampled, base, judge, 1);
    }

    /** Rows judged {@code votes} times each, not counted juror by juror. */
    public CachedRows(int sampled, int base, int judge, int votes) {
        this(sampled, base, judge, votes, List.of());
    }

    /** Looks the run's requests up in {@code cache}, keyed for {@code providerIdentity} as the run's cache is. */
    public static CachedRows of(RunSpec spec, String providerIdentity, ResponseCache cache) {
        int rows = spec.dataset().size();
        if (rows == 0 || cache == null || spec.pairwise() || spec.mapping().judgeOnly()) {
            return NONE;
        }
        StageRequests requests = new StageRequests(spec);
        List<Stage> votes = spec.panel().votes();
        int sample = Math.min(rows, RunEstimate.SAMPLE_ROWS);
        int base = 0;
        int judge = 0;
        int[] byJuror = new int[spec.panel().jurorCount()];
        for (int i = 0; i < sample; i++) {
            int row = (int) ((long) i * rows / sample); // the rows RunEstimate counts
            // The engine judges the answer with any reasoning set apart, so the judge's request holds that.
            Optional<ChatReply> answer = cache.cached(RequestKey.of(providerIdentity, requests.base(row)))
                    .map(ChatReply::reasoningApart);
            if (answer.isEmpty() || answer.get().content() == null) {
                continue;
            }
            base++;
            for (Stage vote : votes) { // a jury is free only as far as each vote is
                JurorProvider own = spec.panel().provider(vote.juror()); // its stack keys it by its own identity
                if (cache.cached(RequestKey.of(
                                own == null ? providerIdentity : own.identity(),
                                requests.judge(vote, row, answer.get().content())))
                        .isPresent()) {
                    judge++;
                    byJuror[vote.juror()]++;
                }
            }
        }
        return new CachedRows(
                sample,
                base,
                judge,
                votes.size(),
                byJuror.length == 1 ? List.of() : Arrays.stream(byJuror).boxed().toList());
    }

    /** The share of rows whose base answer is already paid for. */
    public double baseShare() {
        return sampled == 0 ? 0 : (double) base / sampled;
    }

    /** The share of judge requests (every vote of every row) already paid for. */
    public double judgeShare() {
        return sampled == 0 ? 0 : (double) judge / ((long) sampled * votes);
    }

    /**
     * The share of juror {@code juror}'s requests (0-based, the run's judge first; each of {@code jurors} casts as
     * many) already paid for: a juror added to a panel whose other votes are cached has none of its own.
     */
    public double jurorShare(int juror, int jurors) {
        if (byJuror.size() != jurors || sampled == 0) {
            return judgeShare();
        }
        return (double) byJuror.get(juror) * jurors / ((long) sampled * votes);
    }
}
