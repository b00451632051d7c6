package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.core.dataset.Samples;
import io.arbiter.offline.BatchPace;
import io.arbiter.offline.FaultPlan;
import io.arbiter.offline.OfflineServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that leaves rows without an answer is not a success: the JSON summary is printed as always, stderr says
 * how many rows and why, and the exit status is 5 unless {@code --allow-errors} is given.
 */
class UnansweredRowsCliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aSilentProviderEndsEachRowWithItsTimeoutAndTheRunExitsFive() throws Exception {
        SampleFiles files = SampleFiles.in(dir);
        try (OfflineServer server = OfflineServer.builder()
                .port(0)
                .faults(FaultPlan.parse("hang=1,max-faults=100"))
                .start()) {
            Path results = dir.resolve("results.csv");
            int status = run(
                    files,
                    server,
                    "--out",
                    results.toString(),
                    "--request-timeout",
                    "0.2",
                    "--row-timeout",
                    "0.3",
                    "--concurrency",
                    "16");

            assertEquals(ArbiterCli.ROWS_UNANSWERED, status, err.toString());
            JsonNode summary = new ObjectMapper().readTree(out.toString());
            int rows = Samples.movies().size();
            assertEquals(rows, summary.get("unanswered").asInt());
            assertEquals(rows, summary.get("errors").asInt());
            assertTrue(err.toString().contains(rows + " rows unanswered"), err.toString());
            assertTrue(err.toString().contains("--request-timeout"), err.toString());
            assertTrue(err.toString().contains("--allow-errors"), err.toString());
            assertTrue(Files.readString(results).contains("No answer from"), "each row's error is in the CSV");
        }
    }

    @Test
    void allowErrorsExitsZeroAndStillCountsTheRows() throws Exception {
        SampleFiles files = SampleFiles.in(dir);
        try (OfflineServer server = OfflineServer.builder()
                .port(0)
                .faults(FaultPlan.parse("hang=1,max-faults=100"))
                .start()) {
            int status = run(
                    files,
                    server,
                    "--request-timeout",
                    "0.2",
                    "--row-timeout",
                    "0.3",
                    "--concurrency",
                    "16",
                    "--allow-errors");

            assertEquals(0, status, err.toString());
            assertTrue(err.toString().contains("rows unanswered"), err.toString());
        }
    }

    @Test
    void batchLinesTheProviderNeverReturnsEndAsErrorsAndTheRunSaysHowTheOutputWasOff() throws Exception {
        SampleFiles files = SampleFiles.in(dir);
        try (OfflineServer server = OfflineServer.builder()
                .port(0)
                .batchPace(BatchPace.FAST)
                .faults(FaultPlan.parse("batch-missing-lines=0.25:always,batch-unknown-lines=2"))
                .start()) {
            int status = run(files, server, "--mode", "batch", "--poll-seconds", "0.02");

            assertEquals(ArbiterCli.ROWS_UNANSWERED, status, err.toString());
            JsonNode summary = new ObjectMapper().readTree(out.toString());
            JsonNode base = summary.at("/batch_output/base");
            assertTrue(base.get("missing").asInt() > 0, summary.toString());
            assertEquals(4, base.get("unknown_custom_id").asInt(), "two in each of the two rounds: " + summary);
            assertTrue(base.get("resubmitted").asInt() > 0, summary.toString());
            assertTrue(summary.get("unanswered").asInt() > 0);
            assertTrue(err.toString().contains("no output line for this request"), err.toString());
            assertTrue(err.toString().contains("unknown custom_id"), err.toString());
            assertTrue(
                    server.counters().answersById().values().stream().allMatch(n -> n <= 2),
                    "no row was paid a third time");
        }
    }

    private int run(SampleFiles files, OfflineServer server, String... extra) {
        List<String> args = files.runArgs(server.baseUrl().toString(), "offline-demo-judge", extra);
        return ArbiterCli.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
