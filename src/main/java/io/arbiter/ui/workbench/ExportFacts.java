package io.arbiter.ui.workbench;

import io.arbiter.core.export.ExportSidecar;
import io.arbiter.core.project.ArbiterBuild;
import io.arbiter.core.project.Project;
import io.arbiter.core.project.WorkedExamples;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * What the workbench's export names beside the file ({@link ExportSidecar}): the setup on screen (dataset, models,
 * prompts) and, with a project, its dataset's hash and the run the workbench shows for it on opening (the latest that
 * ended). Off the FX thread.
 */
final class ExportFacts {

    private ExportFacts() {}

    /**
     * Writes the sidecar of {@code exported}; nothing when the setup could not run (no dataset, a prompt problem),
     * as it would name prompts and models that made nothing. Returns {@code exported}.
     */
    static Path writeBeside(Path exported, RunEstimator.Next setup, Project project) throws IOException {
        if (setup == null) {
            return exported;
        }
        String sha = project == null ? null : project.currentDatasetSha().orElse(null);
        OptionalLong shown = sha == null ? OptionalLong.empty() : WorkedExamples.shownRun(project, sha);
        ExportSidecar.of(
                        setup.spec(),
                        shown.isPresent() ? shown.getAsLong() : null,
                        sha,
                        ArbiterBuild.current().recorded(),
                        Instant.now())
                .writeBeside(exported);
        return exported;
    }
}
