package io.arbiter.core.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.prompt.PromptTemplate;
import io.arbiter.core.run.RunSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What made an exported results file, written beside it as {@code <name>.json}: the run, the dataset, the models
 * (every juror), the SHA-256 of each prompt, the Arbiter that wrote it and when. A file read months later, or by
 * someone else, still says where it came from. Never a key, a key's source or a URL: nothing here is secret.
 *
 * @param runId          the project's run; null for a run kept in no project
 * @param dataset        the dataset's name
 * @param datasetSha256  the dataset file's SHA-256; null when unknown
 * @param baseModel      the model that answered; null when the dataset held the answers
 * @param baseModelB     the model that answered B in a generated pair; null otherwise
 * @param judgeModels    every juror's model, the provider's judge first
 * @param basePrompt     SHA-256 of the base prompt's text (UTF-8); of B's prompt in {@code basePromptB}
 * @param basePromptB    SHA-256 of a generated pair's prompt B; null otherwise
 * @param judgePrompt    SHA-256 of the judge prompt's text (UTF-8)
 * @param arbiterVersion the Arbiter that exported ("0.1.0+0a6c8f167b")
 * @param exportedAt     when
 */
public record ExportSidecar(
        Long runId,
        String dataset,
        String datasetSha256,
        String baseModel,
        String baseModelB,
        List<String> judgeModels,
        String basePrompt,
        String basePromptB,
        String judgePrompt,
        String arbiterVersion,
        Instant exportedAt) {

    public ExportSidecar {
        judgeModels = List.copyOf(judgeModels);
    }

    /** What {@code spec} ran, as run {@code runId} (null: none) of the dataset file {@code datasetSha256}. */
    public static ExportSidecar of(
            RunSpec spec, Long runId, String datasetSha256, String arbiterVersion, Instant exportedAt) {
        return new ExportSidecar(
                runId,
                spec.dataset().name(),
                datasetSha256,
                spec.mapping().judgeOnly() ? null : spec.provider().baseModel(),
                spec.secondBase().map(b -> b.model()).orElse(null),
                spec.jurors(),
                PromptTemplate.sha256(spec.prompts().base().text()),
                spec.secondBase()
                        .map(b -> PromptTemplate.sha256(b.prompt().text()))
                        .orElse(null),
                PromptTemplate.sha256(spec.prompts().judge().text()),
                arbiterVersion,
                exportedAt);
    }

    /** Where the sidecar of {@code exported} goes: beside it, its name with ".json" for its extension. */
    public static Path beside(Path exported) {
        String name = exported.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path sidecar = exported.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
        // An export itself named .json must not be replaced by what describes it.
        return sidecar.equals(exported) ? exported.resolveSibling(name + ".json") : sidecar;
    }

    /** Writes the sidecar of {@code exported} beside it (see {@link #beside}), replacing it only once complete. */
    public Path writeBeside(Path exported) throws IOException {
        Path sidecar = beside(exported);
        byte[] json =
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(json());
        ReplacedFile.write(sidecar, out -> out.write(json));
        return sidecar;
    }

    /**
     * The keys: {@code run_id}, {@code dataset}, {@code dataset_sha256}, {@code base_model}, {@code base_model_b},
     * {@code judge_models}, {@code base_prompt_sha256}, {@code base_prompt_b_sha256}, {@code judge_prompt_sha256},
     * {@code arbiter_version}, {@code exported_at} (ISO-8601, UTC); null where unknown or not used.
     */
    public ObjectNode json() {
        ObjectNode json = new ObjectMapper().createObjectNode();
        if (runId == null) {
            json.putNull("run_id");
        } else {
            json.put("run_id", runId);
        }
        json.put("dataset", dataset);
        json.put("dataset_sha256", datasetSha256);
        json.put("base_model", baseModel);
        json.put("base_model_b", baseModelB);
        judgeModels.forEach(json.putArray("judge_models")::add);
        json.put("base_prompt_sha256", basePrompt);
        json.put("base_prompt_b_sha256", basePromptB);
        json.put("judge_prompt_sha256", judgePrompt);
        json.put("arbiter_version", arbiterVersion);
        json.put("exported_at", exportedAt.toString());
        return json;
    }
}
