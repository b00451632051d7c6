package io.arbiter.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.prompt.FewShotExample;
import io.arbiter.core.run.JudgePanel;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.scheme.JudgeSchemes;
import java.util.ArrayList;
import java.util.List;

/**
 * The one spec JSON a project keeps with each run: what defines the run's answers, so that a run of an equal spec,
 * started from the workbench or from {@code arbiter run}, continues it. In it: the dataset's content hash, how the
 * rows are read (columns, truth separator, answer column, label renames), both prompts, the provider's identity, the
 * models (every juror's, and each juror's provider identity when one asks a provider of its own), how often each
 * judges, temperature and max tokens, the worked examples as rendered into the judge prompt, and a draft's rows.
 * Not in it: where the key comes from (a CI job may name another variable), the dataset's path or name (the same
 * rows moved or imported anew are the same run), and concurrency and mode (a run cut short may go on faster, or
 * through the Batch API). Never a secret.
 */
public final class RunSpecJson {

    private RunSpecJson() {}

    /** Every juror's model a spec JSON names, the provider's judge first; {@code judgeModel} alone when it names none. */
    public static List<String> jurors(String specJson, String judgeModel) {
        JsonNode json = specJson == null ? null : ProjectJson.read(specJson);
        if (json == null || !json.has("jurors")) {
            return judgeModel == null ? List.of() : List.of(judgeModel);
        }
        List<String> jurors = new ArrayList<>();
        json.get("jurors").forEach(j -> jurors.add(j.asText()));
        return List.copyOf(jurors);
    }

    /** The judge panel a spec JSON names; one judge once when it names none. */
    public static JudgePanel panel(String specJson) {
        if (specJson == null) {
            return JudgePanel.SINGLE;
        }
        JsonNode json = ProjectJson.read(specJson);
        if (!json.has("jurors")) {
            return JudgePanel.SINGLE;
        }
        List<String> jurors = new ArrayList<>();
        json.get("jurors").forEach(j -> jurors.add(j.asText()));
        return JudgePanel.of(
                jurors,
                json.path("repeats").asInt(1),
                json.path("shuffle_labels").asBoolean(false));
    }

    public static String of(RunStart start) {
        return of(start.spec(), start.datasetSha256(), start.providerIdentity());
    }

    /**
     * @param datasetSha256    the hash naming the rows' copy in the project
     * @param providerIdentity "offline" for the offline demo, else the base URL
     */
    public static String of(RunSpec spec, String datasetSha256, String providerIdentity) {
        ObjectNode json = ProjectJson.MAPPER.createObjectNode();
        json.put("dataset_sha256", datasetSha256);
        ColumnMapping mapping = spec.mapping();
        mapping.inputColumns().forEach(json.putArray("input_columns")::add);
        json.put("truth_column", mapping.truthColumn());
        json.put("truth_separator", mapping.truthSeparator());
        json.put("answer_column", mapping.answerColumn());
        // Renames change the label set: the {{labels}} both prompts show and how answers are read.
        ObjectNode renames = json.putObject("label_renames");
        new java.util.TreeMap<>(mapping.labelRenames()).forEach(renames::put);
        json.put("base_prompt", spec.prompts().base().text());
        json.put("judge_prompt", spec.prompts().judge().text());
        json.put("provider", providerIdentity);
        json.put("base_model", spec.provider().baseModel());
        json.put("judge_model", spec.provider().judgeModel());
        json.put("temperature", spec.provider().temperature());
        json.put("max_tokens", spec.provider().maxTokens());
        // The examples as the judge prompt shows them: another verdict on the same row is another prompt.
        ArrayNode examples = json.putArray("examples");
        for (FewShotExample example : spec.examples()) {
            ObjectNode shown = examples.addObject();
            shown.put("row", example.row());
            shown.put("base_answer", example.baseAnswer());
            shown.put("base_right", example.baseRight());
            shown.put("expected", example.expectedPrediction());
        }
        if (spec.selected()) { // a different spec, so nothing ever resumes a draft as a whole run
            spec.selection().forEach(json.putArray("selected_rows")::add);
        }
        // Another scheme reads the same replies otherwise. Left out for the default, so runs recorded before schemes
        // keep their spec and still resume.
        if (spec.scheme() != JudgeSchemes.DEFAULT) {
            json.put("scheme", spec.scheme().setting());
        }
        // The same with what a generating task reads: left out for a classification, as before task kinds.
        if (mapping.generates()) {
            json.put("task", mapping.task().id());
        }
        if (mapping.judgeColumns().reference() != null) {
            json.put("reference_column", mapping.judgeColumns().reference());
        }
        // A pair's second answer: its column, or the configuration that generates it. Absent for a single answer.
        if (mapping.judgeColumns().answerB() != null) {
            json.put("answer_b_column", mapping.judgeColumns().answerB());
        }
        // Who judges and how often: absent for one judge asked once, so such runs keep the spec they had.
        if (!spec.panel().single()) {
            spec.jurors().forEach(json.putArray("jurors")::add);
            if (spec.panel().otherProviders()) { // where each juror's votes went: its provider's identity, never a key
                ArrayNode providers = json.putArray("juror_providers");
                for (int juror = 0; juror < spec.panel().jurorCount(); juror++) {
                    io.arbiter.core.run.JurorProvider own = spec.panel().provider(juror);
                    providers.add(own == null ? providerIdentity : own.identity());
                }
            }
            json.put("repeats", spec.panel().repeats());
            if (spec.panel().shuffleLabels()) {
                json.put("shuffle_labels", true);
            }
        }
        spec.secondBase().ifPresent(b -> {
            json.put("base_model_b", b.model());
            json.put("base_prompt_b", b.prompt().text());
        });
        return ProjectJson.write(json);
    }
}
