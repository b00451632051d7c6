package io.arbiter.cli;

import io.arbiter.core.dataset.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
