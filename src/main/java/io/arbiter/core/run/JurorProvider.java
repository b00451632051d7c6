package io.arbiter.core.run;

import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.ProviderSettings;

/**
 * A saved provider profile a juror's votes go to instead of the run's provider ({@code model@profile}): its URL,
 * key source, timeouts, prices and rate limits. Never a key.
 *
 * @param name              the profile's name as the juror gives it after {@code @}
 * @param profile           where and how its votes are sent
 * @param requestsPerMinute its rate limit, 0 for none
 * @param tokensPerMinute   its token limit, 0 for none
 * @param hasBatchApi       whether it offers the Batch API: a batch run sends the juror's votes there
 */
public record JurorProvider(
        String name, ProviderProfile profile, int requestsPerMinute, int tokensPerMinute, boolean hasBatchApi) {

    /** The provider a saved profile describes; the offline demo, which has no URL of its own, cannot be one. */
    public static JurorProvider of(ProviderSettings settings) {
        if (settings.offline()) {
            throw new IllegalArgumentException("the offline demo can judge only as the run's own provider");
        }
        return new JurorProvider(
                settings.name(),
                settings.profile(settings.baseUrl()),
                settings.requestsPerMinute(),
                settings.tokensPerMinute(),
                settings.hasBatchApi());
    }

    /** What its answers are cached and keyed by: its base URL, as a run's provider is. */
    public String identity() {
        return profile.baseUrl();
    }
}
