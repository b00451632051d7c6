package io.arbiter.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.store.PromptVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Two runs of a project read for comparison: what they ran (prompts, models, parameters, dataset) and what came of
 * it (their rows and the {@link PairedFigures}). Rows are paired by dataset row index, so a comparison across two
 * different datasets is only meaningful by position; {@link #sameDataset()} says which it is.
 *
 * @param promptsA       run A's prompts; null for a run saved without them (project format 1)
 * @param settingChanges what else differs between the runs, one line each ("judge model: a → b"); empty when nothing
 * @param dataset        the rows run B read, for showing flipped rows; null when the project has no copy
 * @param mapping        how run B read them
 * @param schemeA        how run A was graded: it reads A's rows for the flipped-rows table
 * @param schemeB        how run B was graded, likewise for B's rows
 * @param ratingsA       what people said about A's rows (its dataset copy's human columns), rated by A's scheme
 * @param ratingsB       likewise for B
 * @param heldOut        whether B helps the judge on the example rows but not the held-out ones; null when the
 *                       project holds no rows out
 */
public record RunPair(
        RunListing a,
        RunListing b,
        PromptVersion promptsA,
        PromptVersion promptsB,
        List<String> settingChanges,
        boolean sameDataset,
        Dataset dataset,
        ColumnMapping mapping,
        List<RowResult> rowsA,
        List<RowResult> rowsB,
        PairedFigures comparison,
        JudgeScheme schemeA,
        JudgeScheme schemeB,
        RowRatings ratingsA,
        RowRatings ratingsB,
        HeldOutChange heldOut) {

    public RunPair {
        settingChanges = List.copyOf(settingChanges);
        rowsA = List.copyOf(rowsA);
        rowsB = List.copyOf(rowsB);
    }

    /** Everything the Compare view shows about two runs of {@code project}, read in one go. */
    static RunPair read(Project project, long runA, long runB) {
        RunListing a = existing(project, runA);
        RunListing b = existing(project, runB);
        List<RowResult> rowsA = project.measured(runA);
        List<RowResult> rowsB = project.measured(runB);
        String sha = b.record().datasetSha256();
        RowRatings ratingsA = project.ratings(runA);
        RowRatings ratingsB = project.ratings(runB);
        return new RunPair(
                a,
                b,
                prompts(project, a),
                prompts(project, b),
                settingChanges(a, b),
                Objects.equals(a.record().datasetSha256(), sha),
                sha == null ? null : project.dataset(sha).orElse(null),
                project.mapping(runB).or(project::mapping).orElse(null),
                rowsA,
                rowsB,
                PairedFigures.of(rowsA, ratingsA, rowsB, ratingsB),
                project.scheme(runA),
                project.scheme(runB),
                ratingsA,
                ratingsB,
                project.heldOutChange(runA, runB).orElse(null));
    }

    private static RunListing existing(Project project, long runId) {
        return project.run(runId)
                .orElseThrow(() -> new IllegalArgumentException("There is no run " + runId + " in " + project.file()));
    }

    private static PromptVersion prompts(Project project, RunListing run) {
        Long id = run.record().promptVersionId();
        return id == null ? null : project.promptVersion(id).orElse(null);
    }

    /** The lines of {@link #settingChanges()} for two runs' stored models and parameters. */
    static List<String> settingChanges(RunListing a, RunListing b) {
        List<String> changes = new ArrayList<>();
        change(changes, "base model", a.record().baseModel(), b.record().baseModel());
        change(changes, "judge model", a.record().judgeModel(), b.record().judgeModel());
        JsonNode pa = parameters(a);
        JsonNode pb = parameters(b);
        for (String name : List.of("temperature", "max_tokens", "mode")) {
            change(changes, name.replace('_', ' '), text(pa.get(name)), text(pb.get(name)));
        }
        String urlA = text(pa.get("base_url"));
        String urlB = text(pb.get("base_url"));
        if (!Objects.equals(withoutLoopbackPort(urlA), withoutLoopbackPort(urlB))) {
            change(changes, "base url", urlA, urlB);
        }
        if (!Objects.equals(pa.get("mapping"), pb.get("mapping"))) {
            changes.add("column mapping differs");
        }
        if (!Objects.equals(a.record().datasetSha256(), b.record().datasetSha256())) {
            changes.add("the runs read different datasets: rows are paired by position");
        }
        return changes;
    }

    /**
     * A server on this machine (the offline demo, a local Ollama) may listen on another port each session; the
     * port alone is not a different provider.
     */
    static String withoutLoopbackPort(String url) {
        if (url == null) {
            return null;
        }
        try {
            java.net.URI uri = java.net.URI.create(url);
            String host = uri.getHost();
            boolean loopback = "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
            return loopback ? uri.getScheme() + "://" + host + uri.getRawPath() : url;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static void change(List<String> changes, String what, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(what + ": " + (before == null ? "—" : before) + " → " + (after == null ? "—" : after));
        }
    }

    private static JsonNode parameters(RunListing run) {
        String json = run.record().parametersJson();
        return json == null ? ProjectJson.MAPPER.createObjectNode() : ProjectJson.read(json);
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }
}
