package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.StructuredOutput;
import io.arbiter.core.project.Project;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --structured-output}: it reaches the run's provider profile, a re-run keeps the stored one, bad is refused. */
class StructuredOutputCliTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void theSettingReachesTheProfileTheProjectKeepsAndARerunKeepsItUnlessGivenAgain() throws Exception {
        SampleFiles sample = SampleFiles.in(dir);
        List<String> first = new ArrayList<>(List.of(
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
                sample.judgePrompt().toString()));

        assertEquals(0, run(sample, first, "--structured-output", "OFF"), err.toString());
        assertEquals(StructuredOutput.OFF, stored(sample));

        assertEquals(0, run(sample, new ArrayList<>(List.of("run"))), err.toString());
        assertEquals(StructuredOutput.OFF, stored(sample), "a re-run of the stored configuration keeps it");

        assertEquals(0, run(sample, new ArrayList<>(List.of("run")), "--structured-output", "on"), err.toString());
        assertEquals(StructuredOutput.ON, stored(sample), "given again, it wins");
    }

    @Test
    void anythingButAutoOnOrOffIsBadInput() throws Exception {
        SampleFiles sample = SampleFiles.in(dir);

        int status = run(sample, new ArrayList<>(List.of("run")), "--structured-output", "json");

        assertEquals(ArbiterCli.BAD_INPUT, status);
        assertTrue(err.toString().contains("--structured-output is auto, on or off, not 'json'"), err.toString());
    }

    private int run(SampleFiles sample, List<String> args, String... extra) {
        args.addAll(List.of("--project", sample.project().toString(), "--json"));
        args.addAll(List.of(extra));
        return ArbiterCli.execute(
                args.toArray(String[]::new), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    private static StructuredOutput stored(SampleFiles sample) throws Exception {
        try (Project project = Project.open(sample.project())) {
            return project.provider().orElseThrow().structuredOutput();
        }
    }
}
