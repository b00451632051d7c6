package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.core.dataset.Samples;
import io.arbiter.core.store.ProjectStore;
import io.arbiter.core.store.RunRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --project}: responses kept, unchanged requests answered from the cache, in both modes. */
class RunCommandProjectTest {

    @TempDir
    Path dir;

    private Path dataset;
    private Path basePrompt;
    private Path judgePrompt;
    private Path project;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void copySample() throws Exception {
        SampleFiles sample = SampleFiles.in(dir);
        dataset = sample.dataset();
        basePrompt = sample.basePrompt();
        judgePrompt = sample.judgePrompt();
        project = sample.project();
    }

    @Test
    void aRerunOfTheSameSpecSendsNothingAndAnEditedJudgePromptResendsOnlyTheJudge() throws Exception {
        JsonNode first = run("realtime");
        int rows = first.get("rows").asInt();
        assertEquals(0, first.get("errors").asInt());
        assertTrue(first.get("requests").asLong() >= 2L * rows - 5, first.toString());
        assertTrue(first.get("seconds").asDouble() > 0, first.toString());

        JsonNode again = run("realtime");
        assertEquals(0, again.get("requests").asLong(), "an unchanged spec is answered from the cache");
        assertEquals(
                first.get("base_vs_truth").asDouble(),
                again.get("base_vs_truth").asDouble());
        assertEquals(
                first.get("judge_vs_truth").asDouble(),
                again.get("judge_vs_truth").asDouble());

        Files.writeString(judgePrompt, Samples.text(Samples.MOVIES_JUDGE_PROMPT) + "\nBe strict.");
        JsonNode edited = run("realtime");
        long judged = edited.get("base_vs_judge_n").asLong()
                + edited.get("unparsed_judge").asLong();
        assertEquals(judged, edited.get("requests").asLong(), "only the judge stage is sent again");

        try (ProjectStore store = ProjectStore.open(project)) {
            List<RunRecord> runs = store.runRecords();
            assertEquals(3, runs.size(), "one run per spec; each finished");
            runs.forEach(r -> assertEquals("COMPLETED", r.status()));
            assertFalse(runs.get(0).specJson().contains("sk-"), "no key in the stored spec");
            assertEquals(
                    rows,
                    store.responses(runs.get(0).id(), io.arbiter.core.run.Stage.BASE)
                            .size());
        }
    }

    @Test
    void batchModeAnswersEveryRowThroughTheBatchApiAndReusesTheCache() throws Exception {
        JsonNode realtime = run("realtime");
        Files.delete(project);
        JsonNode batch = run("batch");
        assertEquals("completed", batch.get("status").asText());
        assertEquals(realtime.get("rows").asInt(), batch.get("rows").asInt());
        assertEquals(
                realtime.get("base_vs_truth").asDouble(),
                batch.get("base_vs_truth").asDouble());
        assertEquals(
                realtime.get("base_vs_judge").asDouble(),
                batch.get("base_vs_judge").asDouble());
        assertEquals(realtime.get("requests").asLong(), batch.get("requests").asLong(), "one batch line per request");
        assertTrue(err.toString().contains("judge"), err.toString());

        JsonNode again = run("batch");
        assertEquals(0, again.get("requests").asLong());
        assertEquals(
                batch.get("base_vs_judge").asDouble(),
                again.get("base_vs_judge").asDouble());
    }

    private JsonNode run(String mode, String... extra) throws Exception {
        out = new StringWriter();
        err = new StringWriter();
        List<String> args = new ArrayList<>(List.of(
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
                "--project",
                project.toString(),
                "--mode",
                mode,
                "--json"));
        args.addAll(List.of(extra));
        int status =
                ArbiterCli.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, status, err.toString());
        return new ObjectMapper().readTree(out.toString());
    }
}
