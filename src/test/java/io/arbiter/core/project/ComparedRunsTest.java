package io.arbiter.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.arbiter.core.llm.Usage;
import io.arbiter.core.store.RunRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparedRunsTest {

    @Test
    void saysWhatChangedBesidesThePrompts() {
        RunSummary a = run(
                "gpt-4o-mini",
                "gpt-4o",
                "{\"temperature\":0.0,\"max_tokens\":64,\"mode\":\"realtime\","
                        + "\"base_url\":\"https://api.openai.com/v1\"}",
                "aaa");
        RunSummary b = run(
                "gpt-4o-mini",
                "gpt-4.1",
                "{\"temperature\":0.7,\"max_tokens\":64,\"mode\":\"batch\","
                        + "\"base_url\":\"https://api.openai.com/v1\"}",
                "bbb");

        assertEquals(
                List.of(
                        "judge model: gpt-4o → gpt-4.1",
                        "temperature: 0.0 → 0.7",
                        "mode: realtime → batch",
                        "the runs read different datasets: rows are paired by position"),
                ComparedRuns.settingChanges(a, b));
    }

    @Test
    void aLocalServerOnAnotherPortIsTheSameProvider() {
        RunSummary a = run("m", "j", "{\"base_url\":\"http://127.0.0.1:40001/v1\"}", "s");
        RunSummary b = run("m", "j", "{\"base_url\":\"http://127.0.0.1:40002/v1\"}", "s");
        RunSummary remote = run("m", "j", "{\"base_url\":\"https://api.groq.com/openai/v1\"}", "s");

        assertEquals(List.of(), ComparedRuns.settingChanges(a, b));
        assertEquals(
                List.of("base url: http://127.0.0.1:40002/v1 → https://api.groq.com/openai/v1"),
                ComparedRuns.settingChanges(b, remote));
    }

    @Test
    void runsSavedWithoutParametersCompareQuietly() {
        assertEquals(List.of(), ComparedRuns.settingChanges(run(null, null, null, null), run(null, null, null, null)));
    }

    private static RunSummary run(String base, String judge, String parameters, String sha) {
        RunRecord record = new RunRecord(
                1,
                Instant.EPOCH,
                "{}",
                "COMPLETED",
                null,
                null,
                null,
                null,
                null,
                base,
                judge,
                parameters,
                sha,
                Usage.NONE,
                Usage.NONE,
                null,
                null,
                "verdict");
        return RunSummary.of(record);
    }
}
