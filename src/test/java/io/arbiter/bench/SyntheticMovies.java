package io.arbiter.bench;

import com.opencsv.CSVWriter;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.Samples;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Large movie-shaped datasets for benchmarks, made by cycling the bundled sample with numbered titles. */
final class SyntheticMovies {

    static final String BASE_PROMPT = Samples.text(Samples.MOVIES_BASE_PROMPT);
    static final String JUDGE_PROMPT = Samples.text(Samples.MOVIES_JUDGE_PROMPT);

    private SyntheticMovies() {}

    static void write(Path file, int rows) throws Exception {
        Dataset sample = Samples.movies();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVWriter csv = new CSVWriter(out)) {
            csv.writeNext(new String[] {"Title", "Overview", "Genre"});
            for (int row = 0; row < rows; row++) {
                int source = row % sample.size();
                csv.writeNext(new String[] {
                    sample.value(source, "Title") + " #" + (row + 1),
                    sample.value(source, "Overview"),
                    sample.value(source, "Genre")
                });
            }
        } catch (IOException e) {
            throw new IOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
