package io.arbiter.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.Samples;
import io.arbiter.core.llm.InMemoryResponseCache;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.StructuredOutput;
import io.arbiter.core.llm.StructuredOutputRefusals;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.run.MovieRuns;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RunLedger;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.RunMode;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.StageRequests;
import io.arbiter.core.verdict.JudgeVerdict;
import io.arbiter.offline.FaultPlan;
import io.arbiter.offline.OfflineServer;
import io.arbiter.offline.ServerCounters;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Structured output through the client stack both faces run, openai-java and the offline server, counted at the
 * server: the judge answers in the verdict schema and reads as its text would; auto falls back to text on a refusal
 * and remembers it for the profile; off never asks; on asks and a refusal is the row's error; the cache never hands
 * a text reply to a structured request or the other way round; batch lines ask as realtime requests do.
 */
class StructuredOutputRunTest {

    private static final int ROWS = 24;

    @TempDir
    Path dir;

    @Test
    void theJudgeAnswersInTheSchemaAndEachRowReadsAsItsTextAnswerDoes() throws Exception {
        try (OfflineServer server = OfflineServer.start(0)) {
            RunOutcome structured = run(spec(server, "Structured", StructuredOutput.AUTO), null);
            long judged = judged(structured);
            assertEquals(judged, server.counters().structuredAsked(), "every judge request asked, no base request");

            RunOutcome text = run(spec(server, "Text", StructuredOutput.OFF), null);
            assertEquals(judged, server.counters().structuredAsked(), "off never asks");

            for (int row = 0; row < ROWS; row++) {
                RowResult json = structured.rows().get(row);
                RowResult plain = text.rows().get(row);
                assertTrue(
                        json.judge().text().startsWith("{\"reasoning\""),
                        json.judge().text());
                assertFalse(plain.judge().text().startsWith("{"), plain.judge().text());
                JudgeVerdict a = json.verdict();
                JudgeVerdict b = plain.verdict();
                assertEquals(b.prediction(), a.prediction(), "row " + row);
                assertEquals(b.evaluation(), a.evaluation(), "row " + row);
            }
        }
    }

    @Test
    void onAutoARefusalFallsBackToTextAndIsRememberedForTheProfile() throws Exception {
        try (OfflineServer server = refusing()) {
            RunSpec spec = spec(server, "Refusing", StructuredOutput.AUTO);
            ServerCounters counters = server.counters();

            RunOutcome first = run(spec, null);

            assertEquals(0, first.metrics().errors(), "every row answered");
            long judged = judged(first);
            assertEquals(1, counters.faults(FaultPlan.Kind.NO_STRUCTURED), "one refused request, at concurrency 1");
            assertEquals(1, counters.structuredAsked());
            assertEquals(ROWS + judged + 1, counters.chatAttempts(), "the refused request and one per row and stage");
            assertTrue(first.rows().stream().noneMatch(r -> r.judge().text().startsWith("{")));
            assertTrue(StructuredOutputRefusals.process().refused(spec.provider()));

            RunOutcome again = run(spec, null);

            assertEquals(0, again.metrics().errors());
            assertEquals(1, counters.structuredAsked(), "the profile is not asked again");
            assertEquals(2 * (ROWS + judged) + 1, counters.chatAttempts(), "no failed first try this time");
        }
    }

    @Test
    void onOnTheRequestAsksAndARefusalIsEachJudgeRowsErrorNamingTheProfileAndTheSetting() throws Exception {
        try (OfflineServer server = refusing()) {
            RunSpec spec = spec(server, "Strict JSON", StructuredOutput.ON);

            RunOutcome outcome = run(spec, null);

            long judged = judged(outcome);
            assertTrue(judged > 0);
            assertEquals(judged, server.counters().structuredAsked());
            assertEquals(judged, server.counters().faults(FaultPlan.Kind.NO_STRUCTURED));
            assertEquals(ROWS + judged, server.counters().chatAttempts(), "a refusal is not sent again");
            for (RowResult row : outcome.rows()) {
                if (StageRequests.judgeable(row.base())) {
                    assertTrue(row.judge().failed(), "row " + row.row());
                    String error = row.judge().error();
                    assertTrue(error.contains("'Strict JSON'"), error);
                    assertTrue(error.contains("Structured output set to On"), error);
                    assertTrue(error.contains("response_format"), error);
                }
            }
            assertFalse(StructuredOutputRefusals.process().refused(spec.provider()), "on never learns to stop");
        }
    }

    @Test
    void aStructuredReplyAndATextReplyNeverShareACacheEntry() throws Exception {
        try (OfflineServer server = OfflineServer.start(0)) {
            InMemoryResponseCache cache = new InMemoryResponseCache();
            RunOutcome structured = run(spec(server, "Cached", StructuredOutput.AUTO), cache);
            long judged = judged(structured);
            long sent = server.counters().chatAttempts();

            RunOutcome text = run(spec(server, "Cached", StructuredOutput.OFF), cache);

            assertEquals(sent + judged, server.counters().chatAttempts(), "base answers cached, judge replies not");
            assertTrue(text.rows().stream().noneMatch(r -> r.judge().text().startsWith("{")));
            RunOutcome structuredAgain = run(spec(server, "Cached", StructuredOutput.AUTO), cache);
            assertEquals(sent + judged, server.counters().chatAttempts(), "all from the cache");
            assertTrue(structuredAgain.rows().stream()
                    .filter(r -> StageRequests.judgeable(r.base()))
                    .allMatch(r -> r.judge().text().startsWith("{")));
        }
    }

    @Test
    void batchJudgeLinesAskUnlessOffOrTheProfileWasRefused() throws Exception {
        try (OfflineServer server = OfflineServer.start(0)) {
            RunOutcome structured = batch(spec(server, "Batch", StructuredOutput.AUTO), "auto");
            long judged = judged(structured);
            assertEquals(judged, server.counters().structuredAsked());
            assertTrue(structured.rows().stream()
                    .filter(r -> StageRequests.judgeable(r.base()))
                    .allMatch(
                            r -> r.judge().text().startsWith("{") && r.verdict().parsed() == plainParsed(r)));

            batch(spec(server, "Batch", StructuredOutput.OFF), "off");
            assertEquals(judged, server.counters().structuredAsked(), "off never asks");

            RunSpec refused = spec(server, "Batch refused", StructuredOutput.AUTO);
            StructuredOutputRefusals.process().remember(refused.provider());
            RunOutcome text = batch(refused, "refused");
            assertEquals(judged, server.counters().structuredAsked(), "a refused profile is not asked");
            assertTrue(text.rows().stream().noneMatch(r -> r.judge().text().startsWith("{")));
        }
    }

    // Running

    private static OfflineServer refusing() {
        return OfflineServer.builder()
                .port(0)
                .faults(FaultPlan.parse("no-structured=always"))
                .start();
    }

    /** A movie run at concurrency 1, so exactly one judge request is in flight when a refusal comes back. */
    private static RunSpec spec(OfflineServer server, String name, StructuredOutput mode) {
        ProviderProfile profile = new ProviderProfile(
                        name, server.baseUrl().toString(), null, "offline-demo-base", "offline-demo-judge", 0.0, 64, 1)
                .withStructuredOutput(mode);
        return RunSpec.of(
                MovieRuns.movies(ROWS),
                Samples.moviesMapping(),
                PromptPair.of(Samples.text(Samples.MOVIES_BASE_PROMPT), Samples.text(Samples.MOVIES_JUDGE_PROMPT)),
                profile);
    }

    private static RunOutcome run(RunSpec spec, InMemoryResponseCache cache) throws Exception {
        try (RunClients clients =
                RunClients.realtime(spec.provider(), RunRecorder.OFFLINE, cache, null, RunLedger.NONE)) {
            RunOutcome outcome = clients.engine().runToEnd(spec, RunListener.NONE);
            assertEquals(RunOutcome.Status.COMPLETED, outcome.status(), outcome.stopReason());
            return outcome;
        }
    }

    private RunOutcome batch(RunSpec spec, String name) throws Exception {
        Path file = dir.resolve(name + ".arbiter");
        try (Project project = Project.open(file)) {
            Recording recording = new RunRecorder()
                    .begin(project, new RunStart(spec, "movies", null, RunRecorder.OFFLINE, RunMode.BATCH));
            try (RunClients clients = RunClients.batch(
                    spec.provider(),
                    RunRecorder.OFFLINE,
                    null,
                    new RunClients.Batches(recording.ledger(), recording.runId(), file, Duration.ofMillis(20), null),
                    recording.ledger())) {
                RunOutcome outcome = clients.engine().runToEnd(spec, RunListener.NONE);
                assertEquals(RunOutcome.Status.COMPLETED, outcome.status(), outcome.stopReason());
                assertEquals(0, outcome.metrics().errors(), outcome.batchProblems());
                return outcome;
            }
        }
    }

    private static long judged(RunOutcome outcome) {
        return outcome.rows().stream()
                .filter(r -> StageRequests.judgeable(r.base()))
                .count();
    }

    /** Whether the demo's text answer for the row would parse: only its "I cannot decide." does not. */
    private static boolean plainParsed(RowResult row) {
        return !row.judge().text().contains("I cannot decide.");
    }
}
