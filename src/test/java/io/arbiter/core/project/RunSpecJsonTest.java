package io.arbiter.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.Timeouts;
import io.arbiter.core.llm.TokenPrices;
import io.arbiter.core.prompt.FewShotExample;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.run.RunMode;
import io.arbiter.core.run.RunSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The one spec JSON decides which run a new one continues: everything that changes the requests or how their answers
 * are read must change it, and nothing else may, or a run cut short could not go on with other settings.
 */
class RunSpecJsonTest {

    private static final Dataset ROWS = VersionTwoFixture.ROWS;
    private static final ColumnMapping MAPPING = new ColumnMapping(List.of("Overview"), "Genre", ",");
    private static final ProviderProfile PROFILE = new ProviderProfile(
            "OpenAI", "https://api.example/v1", "OPENAI_API_KEY", "base-model", "judge-model", 0, 64, 16);
    private static final String SHA = "rows-sha";
    private static final String PROVIDER = "https://api.example/v1";

    private static RunSpec spec() {
        return RunSpec.of(ROWS, MAPPING, PromptPair.of(VersionTwoFixture.BASE, VersionTwoFixture.JUDGE), PROFILE);
    }

    private static String json(RunSpec spec) {
        return RunSpecJson.of(spec, SHA, PROVIDER);
    }

    private static RunSpec withProfile(UnaryOperator<ProviderProfile> change) {
        RunSpec spec = spec();
        return new RunSpec(
                spec.dataset(),
                spec.mapping(),
                spec.labels(),
                spec.prompts(),
                change.apply(PROFILE),
                spec.examples(),
                spec.selection());
    }

    private static RunSpec withMapping(ColumnMapping mapping) {
        return RunSpec.of(ROWS, mapping, spec().prompts(), PROFILE);
    }

    @Test
    void whatDefinesTheAnswersChangesIt() {
        String base = json(spec());
        Map<String, String> changed = new java.util.LinkedHashMap<>();
        changed.put("dataset content", RunSpecJson.of(spec(), "other-sha", PROVIDER));
        changed.put("provider", RunSpecJson.of(spec(), SHA, RunRecorder.OFFLINE));
        changed.put("input columns", json(withMapping(new ColumnMapping(List.of("Overview", "Title"), "Genre", ","))));
        changed.put("truth column", json(withMapping(new ColumnMapping(List.of("Overview"), "Title", ","))));
        changed.put("truth separator", json(withMapping(new ColumnMapping(List.of("Overview"), "Genre", ";"))));
        changed.put(
                "answer column",
                json(withMapping(new ColumnMapping(List.of("Overview"), "Genre", ",", "Title", Map.of()))));
        changed.put(
                "label renames",
                json(withMapping(
                        new ColumnMapping(List.of("Overview"), "Genre", ",", null, Map.of("comedy", "Comedy")))));
        changed.put(
                "base prompt",
                json(RunSpec.of(
                        ROWS,
                        MAPPING,
                        PromptPair.of(VersionTwoFixture.BASE + " Be brief.", VersionTwoFixture.JUDGE),
                        PROFILE)));
        changed.put(
                "judge prompt",
                json(RunSpec.of(
                        ROWS,
                        MAPPING,
                        PromptPair.of(VersionTwoFixture.BASE, VersionTwoFixture.JUDGE + " Be strict."),
                        PROFILE)));
        changed.put(
                "base model",
                json(withProfile(p -> new ProviderProfile(
                        p.name(),
                        p.baseUrl(),
                        p.apiKeyEnv(),
                        "other",
                        p.judgeModel(),
                        p.temperature(),
                        p.maxTokens(),
                        p.concurrency()))));
        changed.put(
                "judge model",
                json(withProfile(p -> new ProviderProfile(
                        p.name(),
                        p.baseUrl(),
                        p.apiKeyEnv(),
                        p.baseModel(),
                        "other",
                        p.temperature(),
                        p.maxTokens(),
                        p.concurrency()))));
        changed.put(
                "temperature",
                json(withProfile(p -> new ProviderProfile(
                        p.name(),
                        p.baseUrl(),
                        p.apiKeyEnv(),
                        p.baseModel(),
                        p.judgeModel(),
                        0.7,
                        p.maxTokens(),
                        p.concurrency()))));
        changed.put(
                "max tokens",
                json(withProfile(p -> new ProviderProfile(
                        p.name(),
                        p.baseUrl(),
                        p.apiKeyEnv(),
                        p.baseModel(),
                        p.judgeModel(),
                        p.temperature(),
                        65,
                        p.concurrency()))));
        FewShotExample example = new FewShotExample(1, "Drama", true, "Drama");
        changed.put("a worked example", json(spec().withExamples(List.of(example))));
        changed.put("a draft's rows", json(spec().withSelection(List.of(0, 2))));
        for (var entry : changed.entrySet()) {
            assertNotEquals(base, entry.getValue(), entry.getKey());
        }
        assertEquals(changed.size(), new java.util.HashSet<>(changed.values()).size(), "each change is its own spec");
    }

    @Test
    void aWorkedExampleCountsAsTheJudgeSeesItNotOnlyByItsRow() {
        String right = json(spec().withExamples(List.of(new FewShotExample(1, "Drama", true, "Drama"))));
        assertNotEquals(
                right,
                json(spec().withExamples(List.of(new FewShotExample(1, "Drama", false, "Drama")))),
                "another verdict on the row is another judge prompt");
        assertNotEquals(right, json(spec().withExamples(List.of(new FewShotExample(1, "Western", true, "Drama")))));
        assertNotEquals(
                json(spec().withExamples(List.of(
                        new FewShotExample(1, "Drama", true, "Drama"),
                        new FewShotExample(0, "Western", true, "Western")))),
                json(spec().withExamples(List.of(
                        new FewShotExample(0, "Western", true, "Western"),
                        new FewShotExample(1, "Drama", true, "Drama")))),
                "the examples' order is the prompt's");
    }

    @Test
    void whereTheKeyComesFromWhereTheRowsCameFromAndHowTheRunGoesDoNot() {
        String base = json(spec());
        // Another key source (a CI job's variable, the keychain), name, concurrency, prices and timeouts.
        assertEquals(
                base,
                json(withProfile(p -> new ProviderProfile(
                        "Renamed",
                        p.baseUrl(),
                        "CI_OPENAI_KEY",
                        p.baseModel(),
                        p.judgeModel(),
                        p.temperature(),
                        p.maxTokens(),
                        3,
                        null,
                        TokenPrices.FREE,
                        new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(9))))));
        assertEquals(
                base,
                json(withProfile(p -> new ProviderProfile(
                        p.name(),
                        p.baseUrl(),
                        null,
                        p.baseModel(),
                        p.judgeModel(),
                        p.temperature(),
                        p.maxTokens(),
                        p.concurrency(),
                        "keychain-entry",
                        p.prices(),
                        p.timeouts()))));
        // The same rows under another name or read from another place.
        Dataset renamed = new Dataset(
                "elsewhere.tsv",
                ROWS.columns(),
                List.of(
                        new String[] {"Dust Road", "A sheriff rides across the frontier.", "Western"},
                        new String[] {"Quiet Harbor", "A widow reopens her late husband's inn.", "Drama"},
                        new String[] {"Wrong Number", "Two strangers keep calling each other.", "comedy"}));
        assertEquals(base, json(RunSpec.of(renamed, MAPPING, spec().prompts(), PROFILE)));
        // The offline demo's port changes every time; its identity does not.
        ProviderProfile port1 =
                new ProviderProfile("Offline demo model", "http://127.0.0.1:1111/v1", null, "b", "j", 0, 64, 16);
        ProviderProfile port2 =
                new ProviderProfile("Offline demo model", "http://127.0.0.1:2222/v1", null, "b", "j", 0, 64, 4);
        assertEquals(
                RunSpecJson.of(RunSpec.of(ROWS, MAPPING, spec().prompts(), port1), SHA, RunRecorder.OFFLINE),
                RunSpecJson.of(RunSpec.of(ROWS, MAPPING, spec().prompts(), port2), SHA, RunRecorder.OFFLINE));
        // Realtime or batch is not in a spec at all: both modes of one spec are one run.
        assertEquals(
                RunSpecJson.of(new RunStart(spec(), SHA, null, PROVIDER, RunMode.REALTIME)),
                RunSpecJson.of(new RunStart(spec(), SHA, "/data/movies.csv", PROVIDER, RunMode.BATCH)));
    }

    @Test
    void itNamesNoKeySourceAndNoPath() {
        String json = RunSpecJson.of(
                new RunStart(spec(), SHA, "/home/ana/secret-project/movies.csv", PROVIDER, RunMode.REALTIME));
        assertFalse(json.contains("OPENAI_API_KEY"), json);
        assertFalse(json.contains("secret-project"), json);
        assertFalse(json.contains("movies.csv"), json);
    }
}
