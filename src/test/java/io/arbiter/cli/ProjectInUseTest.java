package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.ChildJvm;
import io.arbiter.core.project.Project;
import io.arbiter.core.run.MovieRuns;
import io.arbiter.core.store.HoldProject;
import io.arbiter.core.store.Opening;
import io.arbiter.offline.FaultPlan;
import io.arbiter.offline.OfflineServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One process per project, with real {@code arbiter} processes against the embedded server, which counts every
 * answer it gives: three started at once on a project another process holds are each told who holds it and refused
 * with status 6; with {@code --wait} they take turns and no answer is paid twice; a run killed while it held the
 * project leaves a stale lock the next run takes over; {@code runs} and {@code compare} read alongside a holder.
 */
class ProjectInUseTest {

    private static final int ROWS = 40;
    private static final int PROCESSES = 3;

    @TempDir
    Path dir;

    private Path dataset;
    private Path project;
    private String err;

    @BeforeEach
    void files() throws Exception {
        SampleFiles files = SampleFiles.in(dir);
        dataset = dir.resolve("movies-40.csv");
        StringBuilder csv = new StringBuilder("Title,Overview,Genre\n");
        var movies = MovieRuns.movies(ROWS);
        for (int row = 0; row < ROWS; row++) {
            csv.append('"')
                    .append(movies.value(row, 0).replace("\"", "\"\""))
                    .append("\",\"")
                    .append(movies.value(row, 1).replace("\"", "\"\""))
                    .append("\",\"")
                    .append(movies.value(row, 2).replace("\"", "\"\""))
                    .append("\"\n");
        }
        Files.writeString(dataset, csv);
        project = files.project();
    }

    @Test
    void threeProcessesStartedAtOnceOnAHeldProjectAreToldWhoHoldsItAndRefused() throws Exception {
        try (OfflineServer server = OfflineServer.start(0)) {
            Project.open(project).close();
            List<Child> children = new ArrayList<>();
            try (Project held = Project.open(project, Opening.forWriting("the test"))) {
                for (int i = 0; i < PROCESSES; i++) {
                    children.add(Child.start(run(server, false), line -> false));
                }
                for (Child child : children) {
                    assertTrue(child.ended(120), "refused at once, not left waiting");
                    String said = child.stderr();
                    assertEquals(ArbiterCli.PROJECT_IN_USE, child.process.exitValue(), said);
                    assertTrue(
                            said.contains(project.toAbsolutePath() + " is in use by the test (process "
                                    + ProcessHandle.current().pid() + " on "),
                            said);
                    assertTrue(
                            said.contains(", since ") && said.contains("give --wait to wait until it is free"), said);
                }
                assertEquals(0, held.runs().size(), "none of them recorded anything");
            }
            assertEquals(0, server.counters().chatAttempts(), "and none of them sent anything");
        }
    }

    @Test
    @SuppressWarnings("try") // the project is opened only to hold it while the others wait
    void threeWaitingProcessesTakeTurnsAndPayForNoAnswerTwice() throws Exception {
        try (OfflineServer server = OfflineServer.start(0)) {
            Project.open(project).close();
            List<Child> children = new ArrayList<>();
            try (Project held = Project.open(project, Opening.forWriting("the test"))) {
                for (int i = 0; i < PROCESSES; i++) {
                    children.add(Child.start(run(server, true), line -> line.endsWith("waiting until it is free.")));
                }
                for (Child child : children) {
                    assertTrue(child.saw.await(120, TimeUnit.SECONDS), "says it waits: " + child.stderr());
                }
            } // let go: the three contend for the project at once, and take turns
            long requests = 0;
            for (Child child : children) {
                assertTrue(child.ended(180), "finished: " + child.stderr());
                assertEquals(0, child.process.exitValue(), child.stderr());
                assertTrue(child.stderr().contains("is free now; going on."), child.stderr());
                requests += new ObjectMapper()
                        .readTree(child.stdout())
                        .get("requests")
                        .asLong();
            }
            assertEquals(2L * ROWS, requests, "the first sent every request, the others none (answered from the file)");
            assertEquals(2L * ROWS, server.counters().chatAnswers(), "no answer paid twice");
            assertEquals(0, server.counters().duplicateAnswers());
            try (Project done = Project.openForReading(project)) {
                assertEquals(PROCESSES, done.runs().size());
                assertTrue(done.runs().stream()
                        .allMatch(r -> "COMPLETED".equals(r.record().status())));
            }
        }
    }

    @Test
    void aRunKilledWhileItHeldTheProjectLeavesAStaleLockThatTheNextRunTakesOver() throws Exception {
        try (OfflineServer server = OfflineServer.builder()
                .port(0)
                .faults(FaultPlan.parse("slow=1.0:50ms"))
                .start()) {
            Child first = Child.start(run(server, false), line -> line.startsWith("base "));
            assertTrue(first.saw.await(120, TimeUnit.SECONDS), "the run started: " + first.stderr());
            first.process.destroyForcibly(); // SIGKILL while it holds the project
            first.process.waitFor(30, TimeUnit.SECONDS);

            assertEquals(0, cli(runArguments(server, false)), err);

            assertTrue(
                    err.contains("Took over the lock on " + project.toAbsolutePath() + " left by arbiter run "
                            + "(process " + first.process.pid() + " on "),
                    err);
            assertTrue(err.contains("which is no longer running."), err);
            assertTrue(err.contains("resuming run 1"), err);
        }
    }

    @Test
    void runsAndCompareReadWhileAnotherProcessHoldsTheProjectAndRunIsRefused() throws Exception {
        try (OfflineServer server = OfflineServer.start(0)) {
            List<String> again = runArguments(server, false);
            assertEquals(0, cli(again), err);
            assertEquals(0, cli(again), err); // a second run of the same spec, answered from the file

            try (HoldProject holder = HoldProject.start(project)) {
                assertEquals(0, cli(List.of("runs", project.toString(), "--json")), err);
                assertEquals(0, cli(List.of("compare", project.toString(), "1", "2")), err);
                assertEquals(ArbiterCli.PROJECT_IN_USE, cli(again));
                assertTrue(err.contains("is in use by a test holder (process " + holder.pid()), err);
                holder.release();
            }
        }
    }

    /** The command line of {@code arbiter run} on the project in a JVM of its own. */
    private List<String> run(OfflineServer server, boolean wait) {
        List<String> command = ChildJvm.command("io.arbiter.Main");
        command.addAll(runArguments(server, wait));
        return command;
    }

    /** The arguments of {@code arbiter run} on the project, for a JVM of its own or for this one. */
    private List<String> runArguments(OfflineServer server, boolean wait) {
        List<String> command = new ArrayList<>(List.of(
                "run",
                "--dataset",
                dataset.toString(),
                "--input-column",
                "Overview",
                "--truth-column",
                "Genre",
                "--base-prompt",
                dir.resolve("base-prompt.txt").toString(),
                "--judge-prompt",
                dir.resolve("judge-prompt.txt").toString(),
                "--provider",
                server.baseUrl().toString(),
                "--base-model",
                "offline-demo-base",
                "--judge-model",
                "offline-demo-judge",
                "--concurrency",
                "2",
                "--project",
                project.toString(),
                "--json"));
        if (wait) {
            command.add("--wait");
        }
        return command;
    }

    private int cli(List<String> args) {
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        int status =
                ArbiterCli.execute(args.toArray(String[]::new), new PrintWriter(outText), new PrintWriter(errText));
        err = errText.toString();
        return status;
    }

    /** A child JVM whose stderr is read as it comes, with a latch for the first line that {@code awaited} matches. */
    private static final class Child {
        final Process process;
        final CountDownLatch saw = new CountDownLatch(1);
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Path stdout;
        Thread reader;

        private Child(Process process, Path stdout) {
            this.process = process;
            this.stdout = stdout;
        }

        /** Waits for the process to end and for its last words to be read; false if it did not end in time. */
        boolean ended(long seconds) throws InterruptedException {
            boolean ended = process.waitFor(seconds, TimeUnit.SECONDS);
            if (ended) {
                reader.join(TimeUnit.SECONDS.toMillis(seconds));
            }
            return ended;
        }

        static Child start(List<String> command, Predicate<String> awaited) throws Exception {
            Path out = Files.createTempFile("arbiter-child", ".out");
            out.toFile().deleteOnExit();
            Process process =
                    new ProcessBuilder(command).redirectOutput(out.toFile()).start();
            Child child = new Child(process, out);
            child.reader = new Thread(
                    () -> {
                        try (BufferedReader in = new BufferedReader(
                                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                            for (String line = in.readLine(); line != null; line = in.readLine()) {
                                child.lines.add(line);
                                if (awaited.test(line) || awaited.test(line.replaceFirst("^arbiter: ", ""))) {
                                    child.saw.countDown();
                                }
                            }
                        } catch (Exception e) {
                            child.lines.add("(stderr unreadable: " + e + ")");
                        }
                    },
                    "child-stderr");
            child.reader.setDaemon(true);
            child.reader.start();
            return child;
        }

        String stderr() {
            return String.join("\n", lines);
        }

        String stdout() throws Exception {
            return Files.readString(stdout);
        }
    }
}
