package io.arbiter.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.prompt.PromptTemplate;
import io.arbiter.core.review.HeldOutSplit;
import io.arbiter.core.run.JudgePanel;
import io.arbiter.core.run.SecondBase;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.core.store.ProjectStore;
import io.arbiter.core.store.PromptVersion;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * What the next run of a project starts with, kept as settings: the column mapping, the current prompt version, the
 * provider profile (never a key, only its variable's name), the judge panel and the run options a headless re-run
 * reads.
 */
final class ProjectConfiguration {

    static final String MAPPING = "column_mapping";
    static final String PROVIDER = "provider_profile";
    static final String PROMPTS = "current_prompt_version";
    static final String RUN_OPTIONS = "run_options";
    static final String SCHEME = "grading_scheme";
    static final String SECOND_BASE = "second_base";
    static final String JUDGE_PANEL = "judge_panel";

    static final String HELD_OUT = "held_out_split";

    private final ProjectStore store;

    ProjectConfiguration(ProjectStore store) {
        this.store = store;
    }

    void saveMapping(ColumnMapping mapping) {
        store.putSetting(MAPPING, ProjectJson.write(ProjectJson.mapping(mapping)));
    }

    Optional<ColumnMapping> mapping() {
        return store.setting(MAPPING).map(json -> ProjectJson.mapping(ProjectJson.read(json)));
    }

    void saveScheme(JudgeScheme scheme) {
        store.putSetting(SCHEME, scheme.setting());
    }

    /** Empty in a project saved before schemes were kept: its runs graded with the default. */
    Optional<JudgeScheme> scheme() {
        return store.setting(SCHEME).map(JudgeSchemes::byId);
    }

    /** Keeps what answers B in a pairwise run that generates both answers; empty clears it. */
    void saveSecondBase(Optional<SecondBase> second) {
        ObjectNode json = ProjectJson.MAPPER.createObjectNode();
        second.ifPresent(b -> {
            json.put("model", b.model());
            json.put("prompt", b.prompt().text());
        });
        store.putSetting(SECOND_BASE, ProjectJson.write(json));
    }

    /** Empty when none was kept, or the last configuration compared no generated pair. */
    Optional<SecondBase> secondBase() {
        return store.setting(SECOND_BASE)
                .map(ProjectJson::read)
                .filter(json -> json.hasNonNull("model"))
                .map(json -> new SecondBase(
                        json.get("model").asText(),
                        new PromptTemplate(json.path("prompt").asText(""))));
    }

    /** Keeps who judges the next run beside the provider's judge model, and how often. */
    void savePanel(JudgePanel panel) {
        ObjectNode json = ProjectJson.MAPPER.createObjectNode();
        panel.otherJurors().forEach(json.putArray("other_jurors")::add);
        json.put("repeats", panel.repeats());
        json.put("shuffle_labels", panel.shuffleLabels());
        store.putSetting(JUDGE_PANEL, ProjectJson.write(json));
    }

    /** Empty in a project saved before panels were kept: its latest run's spec says who judged. */
    Optional<JudgePanel> panel() {
        return store.setting(JUDGE_PANEL).map(ProjectJson::read).map(json -> {
            List<String> others = new java.util.ArrayList<>();
            json.path("other_jurors").forEach(juror -> others.add(juror.asText()));
            int repeats = json.path("repeats").asInt(1);
            return new JudgePanel(
                    others, repeats, repeats > 1 && json.path("shuffle_labels").asBoolean(false));
        });
    }

    /** Saves the pair as a version (one per distinct pair) and makes it the current one. */
    long savePrompts(String baseText, String judgeText) {
        long id = store.savePromptVersion(baseText, judgeText);
        store.putSetting(PROMPTS, Long.toString(id));
        return id;
    }

    Optional<PromptVersion> prompts() {
        return store.setting(PROMPTS).flatMap(id -> promptVersion(Long.parseLong(id)));
    }

    Optional<PromptVersion> promptVersion(long id) {
        return store.promptVersions().stream().filter(v -> v.id() == id).findFirst();
    }

    void saveProvider(ProviderProfile profile) {
        store.putSetting(PROVIDER, ProjectJson.write(ProjectJson.provider(profile)));
    }

    Optional<ProviderProfile> provider() {
        return store.setting(PROVIDER).map(json -> ProjectJson.provider(ProjectJson.read(json)));
    }

    void saveRunOptions(JsonNode options) {
        store.putSetting(RUN_OPTIONS, ProjectJson.write(options));
    }

    /** A JSON object; empty when never saved. */
    JsonNode runOptions() {
        return store.setting(RUN_OPTIONS).map(ProjectJson::read).orElseGet(ProjectJson.MAPPER::createObjectNode);
    }

    /**
     * The project's split of rows into promotable and held out: the kept one, else a new seed drawn now with the
     * default share and kept (a project opened read-only, which cannot keep one, holds nothing out).
     */
    synchronized HeldOutSplit heldOutSplit() { // two callers at once must not draw two seeds
        Optional<HeldOutSplit> kept = store.setting(HELD_OUT)
                .map(ProjectJson::read)
                .map(json -> new HeldOutSplit(
                        json.path("seed").asLong(), json.path("share").asDouble(HeldOutSplit.DEFAULT_SHARE)));
        if (kept.isPresent() || store.readOnly()) {
            return kept.orElse(HeldOutSplit.NONE);
        }
        HeldOutSplit drawn = new HeldOutSplit(new SecureRandom().nextLong(), HeldOutSplit.DEFAULT_SHARE);
        saveHeldOutSplit(drawn);
        return drawn;
    }

    /** Keeps the share held out, with the project's seed (drawn now if it has none); returns the split. */
    synchronized HeldOutSplit saveHeldOutShare(double share) {
        HeldOutSplit split = heldOutSplit().withShare(share);
        saveHeldOutSplit(split);
        return split;
    }

    private void saveHeldOutSplit(HeldOutSplit split) {
        ObjectNode json = ProjectJson.MAPPER.createObjectNode();
        json.put("seed", split.seed());
        json.put("share", split.share());
        store.putSetting(HELD_OUT, ProjectJson.write(json));
    }

    List<PromptVersion> promptVersions() {
        return store.promptVersions();
    }
}
