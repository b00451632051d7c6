package io.arbiter.ui.workbench;

import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.OpenAiBatchClient;
import io.arbiter.core.llm.ResponseCache;
import io.arbiter.core.run.BatchStageRunner;
import io.arbiter.core.run.InMemoryRunLedger;
import io.arbiter.core.run.RunEngine;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.store.ProjectRunLedger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The Batch API side of a workbench session. The ledger is kept while the spec stays the same, so Run again after a
 * failure or cancel polls the batches still live and keeps the rows already answered; shards go to one temporary
 * directory, removed when the session closes. Called off the FX thread.
 */
final class BatchSession implements AutoCloseable {

    private RunSpec ledgerSpec;
    private InMemoryRunLedger ledger;
    private long runId;
    private Path workDirectory;

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
                pollInterval(spec.provider().baseUrl()), workDirectory()).providerIdentity(providerIdentity);
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
                pollInterval(spec.provider().baseUrl()), workDirectory()).providerIdentity(providerIdentity);
        return new Launch(RunEngine.batch(runner, ledger), client);
    }

    private Path workDirectory() {
        try {
            if (workDirectory == null) {
                workDirectory = Files.createTempDirectory("arbiter-batch");
            }
            return workDirectory;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a directory for batch files: " + e.getMessage(), e);
        }
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
        if (workDirectory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(workDirectory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A leftover temporary directory is all that is lost.
        }
        workDirectory = null;
    }
}
