package io.arbiter.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.arbiter.core.llm.Usage;
import io.arbiter.core.store.RunRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunPairTest {

    @Test
    void saysWhatChangedBesidesThePrompts() {
        RunListing a = run(
                "gpt-4o-mini",
                "gpt-4o",
                "{\"temperature\":0.0,\"max_tokens\":64,\"mode\":\"realtime\","
                        + "\"base_url\":\"https://api.openai.com/v1\"}",
                "aaa");
        RunListing b = run(
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
                RunPair.settingChanges(a, b));
    }

    @Test
    void aLocalServerOnAnotherPortIsTheSameProvider() {
        RunListing a = run("m", "j", "{\"base_url\":\"http://127.0.0.1:40001/v1\"}", "s");
        RunListing b = run("m", "j", "{\"base_url\":\"http://127.0.0.1:40002/v1\"}", "s");
        RunListing remote = run("m", "j", "{\"base_url\":\"https://api.groq.com/openai/v1\"}", "s");

        assertEquals(List.of(), RunPair.settingChanges(a, b));
        assertEquals(
                List.of("base url: http://127.0.0.1:40002/v1 → https://api.groq.com/openai/v1"),
                RunPair.settingChanges(b, remote));
    }

    @Test
    void runsSavedWithoutParametersCompareQuietly() {
        assertEquals(List.of(), RunPair.settingChanges(run(null, null, null, null), run(null, null, null, null)));
    }

    private static RunListing run(String base, String judge, String parameters, String sha) {
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
                "verdict",
                null);
        return RunListing.of(record);
    }
}
