package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVWriter;
import io.arbiter.ChildJvm;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.Samples;
import io.arbiter.offline.FaultPlan;
import io.arbiter.offline.OfflineServer;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The promise of the project file, tested the hard way: {@code arbiter run} in its own JVM is SIGKILLed mid-run,
 * run again, and finishes with every row answered while the server answered nothing twice that the first process
 * had received. A request in flight at the kill was answered by the server but never reached the process, so no
 * client can avoid asking it again: those (at most --concurrency) are the only repeats allowed, and counted exactly.
 */
class KillAndResumeTest {

    private static final int ROWS = 200;
    private static final int CONCURRENCY = 4;

    @TempDir
    Path dir;

    @Test
    void aKilledRunResumesAndAsksTheServerOnlyForWhatItHadNotReceived() throws Exception {
        Path dataset = writeMovies(dir.resolve("movies.csv"));
        Path basePrompt = Files.writeString(dir.resolve("base.txt"), Samples.text(Samples.MOVIES_BASE_PROMPT));
        Path judgePrompt = Files.writeString(dir.resolve("judge.txt"), Samples.text(Samples.MOVIES_JUDGE_PROMPT));
        Path project = dir.resolve("p.arbiter");
        try (OfflineServer server = OfflineServer.builder()
                .port(0)
                .faults(FaultPlan.parse("slow=1.0:50ms"))
                .start()) {
            List<String> command = ChildJvm.command("io.arbiter.Main");
            command.addAll(List.of(
                    "run",
                    "--dataset",
                    dataset.toString(),
                    "--input-column",
                    "Overview",
                    "--truth-column",
                    "Genre",
                    "--base-prompt",
                    basePrompt.toString(),
                    "--judge-prompt",
                    judgePrompt.toString(),
                    "--provider",
                    server.baseUrl().toString(),
                    "--base-model",
                    "offline-demo-base",
                    "--judge-model",
                    "offline-demo-judge",
                    "--concurrency",
                    Integer.toString(CONCURRENCY),
                    "--project",
                    project.toString(),
                    "--json"));

            Process first = start(command, dir.resolve("first.log"));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !first.isAlive() || answered(project) >= 100);
            assertTrue(first.isAlive(), "the first run ended before it could be killed: " + log("first.log"));
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no goodbye
            first.waitFor(10, TimeUnit.SECONDS);
            // The server still answers the requests that were in flight at the kill: wait until it has.
            WaitForAsyncUtils.waitFor(
                    30,
                    TimeUnit.SECONDS,
                    () -> server.counters().chatAnswers() == server.counters().chatAttempts());
            int storedAtKill = answered(project);
            long answeredByServer = server.counters().chatAnswers();
            long lostInFlight = answeredByServer - storedAtKill;
            assertTrue(storedAtKill < 2 * ROWS, "killed mid-run");
            System.out.printf(
                    "killed with %d of %d answers stored; %d answered in flight%n",
                    storedAtKill, 2 * ROWS, lostInFlight);
            assertTrue(
                    lostInFlight >= 0 && lostInFlight <= CONCURRENCY,
                    "only requests in flight at the kill are lost: " + lostInFlight);

            Process second = start(command, dir.resolve("second.log"));
            assertTrue(second.waitFor(120, TimeUnit.SECONDS), "the resumed run did not finish");
            assertEquals(0, second.exitValue(), log("second.log"));

            assertEquals(2 * ROWS, answered(project), "every row has both answers in the store");
            assertEquals(1, count(project, "SELECT count(*) FROM runs"), "the second run resumed the first");
            // The resumed run asks for the rows without a stored answer, less any whose answer the killed process
            // had already put in the response cache but not yet in the run's ledger (two writes; the kill can fall
            // between them), so a few fewer requests than missing rows is right and more is wrong.
            long askedAgain = server.counters().chatAnswers() - answeredByServer;
            long missing = 2L * ROWS - storedAtKill;
            assertTrue(
                    askedAgain <= missing && askedAgain >= missing - CONCURRENCY,
                    "the resumed run asked only for rows without a stored answer: " + askedAgain + " for " + missing);
            // A row answered twice can only be one in flight at the kill: its answer never reached the store.
            assertTrue(
                    server.counters().duplicateAnswers() <= CONCURRENCY,
                    "no row the first run had stored was answered twice: "
                            + server.counters().duplicateAnswers());
            assertTrue(log("second.log").contains("resuming run"), log("second.log"));
        }
    }

    private Process start(List<String> command, Path log) throws Exception {
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private String log(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (Exception e) {
            return "(no log: " + e + ")";
        }
    }

    private static int answered(Path project) throws SQLException {
        if (!Files.exists(project)) {
            return 0;
        }
        try {
            return count(project, "SELECT count(*) FROM responses WHERE text IS NOT NULL");
        } catch (SQLException e) {
            return 0; // the file exists but its schema is still being written
        }
    }

    private static int count(Path project, String sql) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5_000);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + project);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static Path writeMovies(Path file) throws Exception {
        Dataset sample = Samples.movies();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVWriter csv = new CSVWriter(out)) {
            csv.writeNext(new String[] {"Title", "Overview", "Genre"});
            for (int row = 0; row < ROWS; row++) {
                int source = row % sample.size();
                csv.writeNext(new String[] {
                    sample.value(source, "Title") + " #" + row,
                    sample.value(source, "Overview") + " (No. " + row + ")",
                    sample.value(source, "Genre")
                });
            }
        }
        return file;
    }
}
