package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.core.project.ArbiterBuild;
import io.arbiter.core.project.Project;
import io.arbiter.core.prompt.PromptTemplate;
import io.arbiter.core.review.HeldOutSplit;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --out} writes what made the file beside it, a BOM on request, and the held-out figures with a project. */
class ExportSidecarCliTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path dir;

    private SampleFiles sample;
    private StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void copySample() throws Exception {
        sample = SampleFiles.in(dir);
    }

    @Test
    void theBomOptionStartsTheCsvWithItAndTheSidecarNamesWhatMadeIt() throws Exception {
        Path project = dir.resolve("p.arbiter");
        Path excel = dir.resolve("for-excel.csv");
        assertEquals(0, run("--project", project.toString(), "--out", excel.toString(), "--bom"), err.toString());
        Path plain = dir.resolve("plain.csv");
        assertEquals(0, run("--out", plain.toString()), err.toString());

        byte[] withBom = Files.readAllBytes(excel);
        assertArrayEquals(BOM, Arrays.copyOf(withBom, 3), "UTF-8's byte order mark first");
        byte[] without = Files.readAllBytes(plain);
        assertFalse(Arrays.equals(BOM, Arrays.copyOf(without, 3)), "no mark unless asked");
        assertArrayEquals(without, Arrays.copyOfRange(withBom, 3, withBom.length), "otherwise the same bytes");

        JsonNode sidecar =
                new ObjectMapper().readTree(dir.resolve("for-excel.json").toFile());
        List<String> keys = new ArrayList<>();
        sidecar.fieldNames().forEachRemaining(keys::add);
        assertEquals(
                List.of(
                        "run_id",
                        "dataset",
                        "dataset_sha256",
                        "base_model",
                        "base_model_b",
                        "judge_models",
                        "base_prompt_sha256",
                        "base_prompt_b_sha256",
                        "judge_prompt_sha256",
                        "arbiter_version",
                        "exported_at"),
                keys);
        try (Project opened = Project.openForReading(project)) {
            assertEquals(
                    opened.runs().get(0).record().id(), sidecar.get("run_id").asLong());
        }
        assertEquals(
                Project.sha256(sample.dataset()), sidecar.get("dataset_sha256").asText());
        assertEquals(
                PromptTemplate.sha256(Files.readString(sample.judgePrompt())),
                sidecar.get("judge_prompt_sha256").asText(),
                "the prompt as read");
        assertEquals(1, sidecar.get("judge_models").size());
        assertTrue(sidecar.get("base_model_b").isNull());
        assertEquals(
                ArbiterBuild.current().recorded(),
                sidecar.get("arbiter_version").asText());
        assertTrue(dir.resolve("plain.json").toFile().isFile());
        assertTrue(new ObjectMapper()
                .readTree(dir.resolve("plain.json").toFile())
                .get("run_id")
                .isNull());
        String text = Files.readString(dir.resolve("for-excel.json"));
        assertFalse(text.contains("http") || text.contains("KEY"), "no URL, no key's source: " + text);
    }

    @Test
    void aProjectRunReportsTheHeldOutRowsApartAndTheShareIsSetFromTheCommandLine() throws Exception {
        Path project = dir.resolve("split.arbiter");
        assertEquals(0, run("--project", project.toString(), "--json"), err.toString());
        JsonNode summary = new ObjectMapper().readTree(out.toString());
        assertEquals(0.25, summary.get("held_out_share").asDouble(), "the default share");
        assertEquals(0, summary.get("held_out_n").asLong(), "the sample has no human verdicts");
        assertTrue(summary.get("held_out_agreement").isNull());
        assertTrue(summary.has("example_rows_agreement"));

        assertEquals(0, run("--project", project.toString(), "--judge-model", "offline-demo-judge-2"), err.toString());
        out = new StringWriter();
        assertEquals(0, cli("compare", project.toString(), "1", "2", "--json"), err.toString());
        JsonNode compared = new ObjectMapper().readTree(out.toString());
        assertTrue(compared.get("held_out_warning").isNull(), "no person judged a row: nothing to tell");
        assertTrue(compared.has("delta_example_rows_agreement") && compared.has("delta_held_out_agreement_ci_low"));
        assertEquals(0, compared.get("delta_held_out_agreement_n").asLong());

        out = new StringWriter();
        assertEquals(0, cli("held-out", project.toString(), "--share", "0.4", "--json"), err.toString());
        JsonNode split = new ObjectMapper().readTree(out.toString());
        assertEquals(0.4, split.get("held_out_share").asDouble());
        try (Project opened = Project.openForReading(project)) {
            HeldOutSplit kept = opened.heldOutSplit();
            assertEquals(new HeldOutSplit(split.get("seed").asLong(), 0.4), kept, "the seed stays, the share moves");
        }
        assertEquals(ArbiterCli.BAD_INPUT, cli("held-out", project.toString(), "--share", "1"));
        assertTrue(err.toString().contains("below 1"), err.toString());
    }

    private int run(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--dataset",
                sample.dataset().toString(),
                "--input-column",
                "Overview",
                "--truth-column",
                "Genre",
                "--base-prompt",
                sample.basePrompt().toString(),
                "--judge-prompt",
                sample.judgePrompt().toString(),
                "--provider",
                "offline"));
        args.addAll(List.of(extra));
        return cli(args.toArray(String[]::new));
    }

    private int cli(String... args) {
        return ArbiterCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
