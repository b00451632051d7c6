package io.arbiter.core.project;

import io.arbiter.core.run.RunMode;
import io.arbiter.core.run.RunSpec;
import java.util.Objects;

/**
 * What a run starts with, as the workbench and {@code arbiter run} both hand it to {@link RunRecorder}.
 *
 * @param spec             the rows, mapping, prompts, provider (its concurrency included), worked examples and
 *                         selection the run sends
 * @param datasetSha256    the hash that names the rows' copy in the project: of the file they were read from, or of
 *                         their cells
 * @param datasetSource    the file the rows were read from, kept with the copy; null when unknown
 * @param providerIdentity what the provider's answers are keyed by: {@link RunRecorder#OFFLINE} for the offline demo,
 *                         whose port changes every time, else the base URL
 * @param mode             realtime or through the Batch API; a draft is always realtime
 */
public record RunStart(
        RunSpec spec, String datasetSha256, String datasetSource, String providerIdentity, RunMode mode) {

    public RunStart {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(datasetSha256, "datasetSha256");
        Objects.requireNonNull(providerIdentity, "providerIdentity");
        if (mode == null) {
            throw new IllegalArgumentException("A run needs a mode: realtime or batch");
        }
    }
}
