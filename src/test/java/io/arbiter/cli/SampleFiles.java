package io.arbiter.cli;

import io.arbiter.core.dataset.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled movie sample written out as the files a user would pass on the command line, plus where a project
 * file would go.
 */
record SampleFiles(Path dataset, Path basePrompt, Path judgePrompt, Path project) {

    static SampleFiles in(Path dir) throws IOException {
        SampleFiles files = new SampleFiles(
                dir.resolve("movies.csv"),
                dir.resolve("base-prompt.txt"),
                dir.resolve("judge-prompt.txt"),
                dir.resolve("movies.arbiter"));
        Files.writeString(files.basePrompt(), Samples.text(Samples.MOVIES_BASE_PROMPT));
        Files.writeString(files.judgePrompt(), Samples.text(Samples.MOVIES_JUDGE_PROMPT));
        Files.writeString(files.dataset(), Samples.text(Samples.MOVIES));
        return files;
    }

    /**
     * `arbiter run` on these files against {@code provider} (a base URL or "offline"), base model the demo's, judged
     * by {@code judgeModels}, answering in JSON; {@code extra} after.
     */
    List<String> runArgs(String provider, String judgeModels, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--dataset",
                dataset.toString(),
                "--input-column",
                "Overview",
                "--truth-column",
                "Genre",
                "--base-prompt",
                basePrompt.toString(),
                "--judge-prompt",
                judgePrompt.toString(),
                "--provider",
                provider,
                "--base-model",
                "offline-demo-base",
                "--judge-model",
                judgeModels,
                "--json"));
        args.addAll(List.of(extra));
        return args;
    }
}
