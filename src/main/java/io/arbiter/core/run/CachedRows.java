package io.arbiter.core.run;

import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.RequestKey;
import io.arbiter.core.llm.ResponseCache;
import java.util.Optional;

/**
 * How much of a run the response cache already answers, counted like {@link RunEstimate} on up to
 * {@link RunEstimate#SAMPLE_ROWS} rows spread over the dataset: a row's base answer is free when its request is
 * cached, its verdict when the judge's request for that cached answer is too. Pairs and answers given in the
 * dataset are not counted (nothing is free for them here).
 *
 * @param sampled rows looked up
 * @param base    of those, rows whose base answer is cached
 * @param judge   of those, rows whose verdict is cached
 */
public record CachedRows(int sampled, int base, int judge) {

    public static final CachedRows NONE = new CachedRows(0, 0, 0);

    /** Looks the run's requests up in {@code cache}, keyed for {@code providerIdentity} as the run's cache is. */
    public static CachedRows of(RunSpec spec, String providerIdentity, ResponseCache cache) {
        int rows = spec.dataset().size();
        if (rows == 0 || cache == null || spec.pairwise() || spec.mapping().judgeOnly()) {
            return NONE;
        }
        StageRequests requests = new StageRequests(spec);
        int sample = Math.min(rows, RunEstimate.SAMPLE_ROWS);
        int base = 0;
        int judge = 0;
        for (int i = 0; i < sample; i++) {
            int row = (int) ((long) i * rows / sample); // the rows RunEstimate counts
            // The engine judges the answer with any reasoning set apart, so the judge's request holds that.
            Optional<ChatReply> answer = cache.cached(RequestKey.of(providerIdentity, requests.base(row)))
                    .map(ChatReply::reasoningApart);
            if (answer.isEmpty() || answer.get().content() == null) {
                continue;
            }
            base++;
            if (cache.cached(RequestKey.of(
                            providerIdentity, requests.judge(row, answer.get().content())))
                    .isPresent()) {
                judge++;
            }
        }
        return new CachedRows(sample, base, judge);
    }

    /** The share of rows whose base answer is already paid for. */
    public double baseShare() {
        return sampled == 0 ? 0 : (double) base / sampled;
    }

    public double judgeShare() {
        return sampled == 0 ? 0 : (double) judge / sampled;
    }
}
