package io.arbiter.core.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The movie sample shipped inside the application, so the workbench opens on real data with no file at hand. */
public final class Samples {

    public static final String MOVIES = "/samples/movies/movies.csv";
    public static final String MOVIES_BASE_PROMPT = "/samples/movies/base-prompt.txt";
    public static final String MOVIES_JUDGE_PROMPT = "/samples/movies/judge-prompt.txt";
    public static final String MOVIES_INPUT_COLUMN = "Overview";
    public static final String MOVIES_TRUTH_COLUMN = "Genre";
    public static final String MOVIES_KEY_COLUMN = "Title";

    private Samples() {}

    public static Dataset movies() throws DatasetException {
        try (InputStream in = open(MOVIES)) {
            return DatasetReader.read(in, "movies.csv");
        } catch (IOException e) {
            throw new DatasetException("The bundled sample cannot be read: " + e.getMessage(), e);
        }
    }

    public static ColumnMapping moviesMapping() {
        return new ColumnMapping(List.of(MOVIES_INPUT_COLUMN), MOVIES_TRUTH_COLUMN, ",");
    }

    public static String text(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = Samples.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException(resource + " is missing from the application");
        }
        return in;
    }
}
