package io.arbiter.core.store;

import io.arbiter.core.llm.Usage;
import java.time.Instant;

/**
 * Everything the project file knows about a run besides its responses. Fields added by project format 2 are null
 * for runs saved by format 1.
 *
 * @param specJson        what defines the run's answers, naming the key's variable only
 * @param promptVersionId the {@link PromptVersion} run; null when unknown
 * @param parametersJson  temperature, max tokens, mode and the like, as a JSON object
 * @param datasetSha256   the {@link StoredDataset} the run read
 * @param costUsd         the run's cost when the provider's price is known, else null
 * @param metricsJson     the headline metrics computed when the run ended (see {@code MetricsJson}); null before
 * @param scheme          the grading scheme the judge output is read by, with its settings ("score:1-5:4"; "verdict" for every run
 *                        recorded before format 7)
 * @param arbiterVersion  the Arbiter that created the run ("0.1.0+0a6c8f167b"); null for runs recorded before format 11
 */
public record RunRecord(
        long id,
        Instant createdAt,
        String specJson,
        String status,
        String name,
        String note,
        Instant startedAt,
        Instant endedAt,
        Long promptVersionId,
        String baseModel,
        String judgeModel,
        String parametersJson,
        String datasetSha256,
        Usage baseUsage,
        Usage judgeUsage,
        Double costUsd,
        String metricsJson,
        String scheme,
        String arbiterVersion) {

    public long totalTokens() {
        return baseUsage.promptTokens()
                + baseUsage.completionTokens()
                + judgeUsage.promptTokens()
                + judgeUsage.completionTokens();
    }
}
