package io.arbiter.ui.workbench;

import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.OpenAiBatchClient;
import io.arbiter.core.llm.ResponseCache;
import io.arbiter.core.run.BatchStageRunner;
import io.arbiter.core.run.InMemoryRunLedger;
import io.arbiter.core.run.RunEngine;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.store.BatchFolder;
import io.arbiter.core.store.ProjectRunLedger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The Batch API side of a workbench session. The ledger is kept while the spec stays the same, so Run again after a
 * failure or cancel polls the batches still live and keeps the rows already answered; shards, which hold dataset
 * text, go to an owner-only folder beside the open project, or to a private temporary one without a project, removed
 * when the session closes or moves to another project. Called off the FX thread.
 */
final class BatchSession implements AutoCloseable {

    private RunSpec ledgerSpec;
    private InMemoryRunLedger ledger;
    private long runId;
    private BatchFolder folder;
    private Path folderProject; // the project the folder is beside; null for a temporary folder

    /** An engine and the client it polls with; close the client when the run has ended. */
    record Launch(RunEngine engine, OpenAiBatchClient client) {
    }

    /** As below, recording jobs and answers in {@code projectLedger} (a project's run) when it is not null. */
    synchronized Launch prepare(RunSpec spec, ResponseCache cache, String providerIdentity,
                                ProjectRunLedger projectLedger) throws ChatFailure {
        if (projectLedger == null) {
            return prepare(spec, cache, providerIdentity);
        }
        OpenAiBatchClient client = new OpenAiBatchClient(spec.provider());
        BatchStageRunner runner = new BatchStageRunner(client, projectLedger, projectLedger.runId(), cache,
                pollInterval(spec.provider().baseUrl()), workDirectory(projectLedger.projectFile()))
                .providerIdentity(providerIdentity);
        return new Launch(RunEngine.batch(runner, projectLedger), client);
    }

    synchronized Launch prepare(RunSpec spec, ResponseCache cache, String providerIdentity) throws ChatFailure {
        if (ledger == null || !spec.equals(ledgerSpec)) {
            ledger = new InMemoryRunLedger();
            ledgerSpec = spec;
            runId = System.currentTimeMillis();
        }
        OpenAiBatchClient client = new OpenAiBatchClient(spec.provider());
        BatchStageRunner runner = new BatchStageRunner(client, ledger, runId, cache,
                pollInterval(spec.provider().baseUrl()), workDirectory(null)).providerIdentity(providerIdentity);
        return new Launch(RunEngine.batch(runner, ledger), client);
    }

    private Path workDirectory(Path project) {
        // Again when gone: reopening the project removed it as a leftover, and the runner would make it anew
        // with the default permissions.
        if (folder == null || !Objects.equals(project, folderProject) || !Files.isDirectory(folder.path())) {
            if (folder != null) {
                folder.close();
            }
            folder = project != null ? BatchFolder.beside(project) : BatchFolder.temporary();
            folderProject = project;
        }
        return folder.path();
    }

    /** A provider on this machine answers in seconds; a remote one is asked every ten. */
    static Duration pollInterval(String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        boolean loopback = "127.0.0.1".equals(host) || "localhost".equals(host) || "::1".equals(host)
                || "[::1]".equals(host);
        return loopback ? Duration.ofSeconds(1) : Duration.ofSeconds(10);
    }

    @Override
    public synchronized void close() {
        if (folder != null) {
            folder.close();
            folder = null;
            folderProject = null;
        }
    }
}
