package io.arbiter.core.run;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.Samples;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.prompt.PromptPair;
import java.util.ArrayList;
import java.util.List;

/** Movie-shaped runs of any size against an offline server, every row's prompt distinct so answers can be counted. */
public final class MovieRuns {

    private MovieRuns() {}

    /** The bundled sample cycled to {@code rows} rows, each overview numbered so no two requests are the same. */
    public static Dataset movies(int rows) {
        try {
            Dataset sample = Samples.movies();
            List<String[]> cells = new ArrayList<>(rows);
            for (int row = 0; row < rows; row++) {
                int source = row % sample.size();
                cells.add(new String[] {
                    sample.value(source, "Title") + " #" + row,
                    sample.value(source, "Overview") + " (No. " + row + ")",
                    sample.value(source, "Genre")
                });
            }
            return new Dataset("movies-" + rows + ".csv", List.of("Title", "Overview", "Genre"), cells);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static RunSpec spec(Dataset data, String baseUrl, int concurrency) {
        ProviderProfile profile = new ProviderProfile(
                "offline", baseUrl, null, "offline-demo-base", "offline-demo-judge", 0.0, 64, concurrency);
        return RunSpec.of(
                data,
                Samples.moviesMapping(),
                PromptPair.of(Samples.text(Samples.MOVIES_BASE_PROMPT), Samples.text(Samples.MOVIES_JUDGE_PROMPT)),
                profile);
    }
}
