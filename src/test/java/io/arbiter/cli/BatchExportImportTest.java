package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.llm.BatchState;
import io.arbiter.core.llm.OpenAiBatchClient;
import io.arbiter.core.llm.Sleeper;
import io.arbiter.offline.BatchPace;
import io.arbiter.offline.OfflineProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stage exported for an external engine and its output imported: the offline server's Batch API stands in for
 * the engine, its output is read as OpenAI writes it and rewritten as vLLM's single file with errors inline.
 */
class BatchExportImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path dataset;
    private Path basePrompt;
    private Path judgePrompt;
    private Path project;
    private String out;
    private String err;

    @BeforeEach
    void copySample() throws Exception {
        SampleFiles sample = SampleFiles.in(dir);
        dataset = sample.dataset();
        basePrompt = sample.basePrompt();
        judgePrompt = sample.judgePrompt();
        project = sample.project();
    }

    @Test
    void bothStagesImportedLeaveNothingToSendAndGiveThePlainRunsAccuracies() throws Exception {
        JsonNode plain = json(cli("run", "--json"));

        Path baseRequests = dir.resolve("base-requests.jsonl");
        assertEquals(
                0,
                cli(
                        "batch-export",
                        "--stage",
                        "base",
                        "--out",
                        baseRequests.toString(),
                        "--project",
                        project.toString()),
                err);
        assertEquals(plain.get("rows").asInt(), Files.readAllLines(baseRequests).size());
        Path baseOutput = answer(baseRequests); // OpenAI's output file
        assertEquals(
                0,
                cli(
                        "batch-import",
                        "--stage",
                        "base",
                        "--file",
                        baseOutput.toString(),
                        "--project",
                        project.toString()),
                err);
        assertTrue(out.startsWith("imported " + plain.get("rows").asInt() + " base answer(s)"), out);

        Path judgeRequests = dir.resolve("judge-requests.jsonl");
        assertEquals(
                0,
                cli(
                        "batch-export",
                        "--stage",
                        "judge",
                        "--out",
                        judgeRequests.toString(),
                        "--project",
                        project.toString()),
                err);
        Path judgeOutput = asVllm(answer(judgeRequests), -1); // vLLM's single file
        assertEquals(
                0,
                cli(
                        "batch-import",
                        "--stage",
                        "judge",
                        "--file",
                        judgeOutput.toString(),
                        "--project",
                        project.toString()),
                err);

        JsonNode resumed = json(cli("run", "--json", "--project", project.toString()));
        assertEquals(0, resumed.get("requests").asLong(), "both stages were imported: nothing to send");
        for (String figure : List.of("base_vs_judge", "base_vs_truth", "judge_vs_truth", "errors")) {
            assertEquals(plain.get(figure).asText(), resumed.get(figure).asText(), figure);
        }
    }

    @Test
    void aLineFailedInlineIsSentAgainByTheNextRun() throws Exception {
        JsonNode plain = json(cli("run", "--json"));
        Path baseRequests = dir.resolve("base-requests.jsonl");
        cli("batch-export", "--stage", "base", "--out", baseRequests.toString(), "--project", project.toString());
        Path baseOutput = asVllm(answer(baseRequests), 3);
        assertEquals(
                0,
                cli(
                        "batch-import",
                        "--stage",
                        "base",
                        "--file",
                        baseOutput.toString(),
                        "--project",
                        project.toString()),
                err);
        assertTrue(out.contains("1 failed line(s)"), out);

        JsonNode resumed = json(cli("run", "--json", "--project", project.toString()));
        long judged = resumed.get("base_vs_judge_n").asLong()
                + resumed.get("unparsed_judge").asLong();
        assertEquals(1 + judged, resumed.get("requests").asLong(), "the failed base row and the judge stage");
        assertEquals(
                plain.get("judge_vs_truth").asText(),
                resumed.get("judge_vs_truth").asText());
    }

    @Test
    void theJudgeStageIsRefusedWithoutBaseAnswers() throws Exception {
        int status = cli(
                "batch-export",
                "--stage",
                "judge",
                "--out",
                dir.resolve("j.jsonl").toString(),
                "--project",
                project.toString());
        assertEquals(ArbiterCli.BAD_INPUT, status);
        assertTrue(err.contains("import them first"), err);
        assertEquals(1, err.strip().lines().count(), err);
    }

    @Test
    void withoutDatasetOptionsTheProjectsStoredConfigurationIsExportedAndImported() throws Exception {
        JsonNode plain = json(cli("run", "--json", "--project", project.toString()));

        Path baseRequests = dir.resolve("base-requests.jsonl");
        assertEquals(
                0,
                bare(
                        "batch-export",
                        "--stage",
                        "base",
                        "--out",
                        baseRequests.toString(),
                        "--project",
                        project.toString()),
                err);
        assertEquals(plain.get("rows").asInt(), Files.readAllLines(baseRequests).size(), "a new run: every row");
        assertEquals(
                0,
                bare(
                        "batch-import",
                        "--stage",
                        "base",
                        "--file",
                        answer(baseRequests).toString(),
                        "--project",
                        project.toString()),
                err);
        assertTrue(out.startsWith("imported " + plain.get("rows").asInt() + " base answer(s) into run 2"), out);

        JsonNode resumed = json(bare("run", "--json", "--project", project.toString()));
        assertTrue(err.contains("resuming run 2"), "the stored configuration's spec is the one exported: " + err);
        assertEquals(0, resumed.get("requests").asLong(), "base imported, judge from the first run's cache");
        for (String figure : List.of("base_vs_judge", "base_vs_truth", "judge_vs_truth", "errors")) {
            assertEquals(plain.get(figure).asText(), resumed.get(figure).asText(), figure);
        }
    }

    @Test
    void withoutDatasetOrStoredConfigurationBothAreRefusedInOneLine() {
        assertEquals(
                ArbiterCli.BAD_INPUT,
                bare(
                        "batch-export",
                        "--stage",
                        "base",
                        "--out",
                        dir.resolve("b.jsonl").toString()));
        assertTrue(err.contains("--dataset"), err);
        assertEquals(1, err.strip().lines().count(), err);
        assertEquals(
                ArbiterCli.BAD_INPUT,
                bare(
                        "batch-import",
                        "--stage",
                        "base",
                        "--file",
                        dir.resolve("b.jsonl").toString(),
                        "--project",
                        project.toString()));
        assertTrue(err.contains("no stored configuration"), err);
        assertEquals(1, err.strip().lines().count(), err);
    }

    /** Runs the requests through the offline server's Batch API and downloads its (OpenAI-format) output. */
    private Path answer(Path requests) throws Exception {
        try (OfflineProvider offline = OfflineProvider.start(4, BatchPace.FAST);
                OpenAiBatchClient client = new OpenAiBatchClient(offline.profile())) {
            BatchState created = client.create(client.upload(requests), Map.of());
            BatchState done = client.poll(created.id(), Duration.ofMillis(20), Sleeper.SYSTEM, state -> {});
            assertEquals("completed", done.status(), done.toString());
            Path output = dir.resolve(requests.getFileName() + ".out");
            client.download(done.outputFileId(), output);
            return output;
        }
    }

    /** The same answers as vLLM's run-batch writes them; line {@code failAt} (0-based; -1 none) failed inline. */
    private Path asVllm(Path openAiOutput, int failAt) throws Exception {
        List<String> lines = new ArrayList<>();
        List<String> in = Files.readAllLines(openAiOutput);
        for (int i = 0; i < in.size(); i++) {
            ObjectNode line = (ObjectNode) JSON.readTree(in.get(i));
            line.put("id", "vllm-" + i);
            ObjectNode response = (ObjectNode) line.get("response");
            response.put("request_id", "vllm-batch-" + i);
            if (i == failAt) {
                response.put("status_code", 500);
                response.putNull("body");
                line.put("error", "Internal server error");
            } else {
                line.putNull("error");
            }
            lines.add(JSON.writeValueAsString(line));
        }
        Path file = dir.resolve(openAiOutput.getFileName() + ".vllm.jsonl");
        Files.write(file, lines);
        return file;
    }

    private int cli(String command, String... extra) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        List<String> args = new ArrayList<>(List.of(
                command,
                "--dataset",
                dataset.toString(),
                "--input-column",
                "Overview",
                "--truth-column",
                "Genre",
                "--base-prompt",
                basePrompt.toString(),
                "--judge-prompt",
                judgePrompt.toString()));
        args.addAll(List.of(extra));
        int status =
                ArbiterCli.execute(args.toArray(String[]::new), new PrintWriter(o, true), new PrintWriter(e, true));
        out = o.toString();
        err = e.toString();
        return status;
    }

    /** The command with only the given arguments: no dataset options. */
    private int bare(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = ArbiterCli.execute(args, new PrintWriter(o, true), new PrintWriter(e, true));
        out = o.toString();
        err = e.toString();
        return status;
    }

    private JsonNode json(int status) throws Exception {
        assertEquals(0, status, err);
        return JSON.readTree(out);
    }
}
