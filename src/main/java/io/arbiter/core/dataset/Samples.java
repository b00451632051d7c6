package io.arbiter.core.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The samples shipped inside the application (the whole {@code samples/} folder is on the classpath), so the workbench
 * opens on real data with no file at hand: movies to classify, support replies to score against references, and
 * pairs of support replies to judge against each other.
 */
public final class Samples {

    public static final String MOVIES = "/samples/movies/movies.csv";
    public static final String MOVIES_BASE_PROMPT = "/samples/movies/base-prompt.txt";
    public static final String MOVIES_JUDGE_PROMPT = "/samples/movies/judge-prompt.txt";
    public static final String MOVIES_INPUT_COLUMN = "Overview";
    public static final String MOVIES_TRUTH_COLUMN = "Genre";
    public static final String MOVIES_KEY_COLUMN = "Title";

    public static final String SUPPORT = "/samples/support/support.csv";
    public static final String SUPPORT_BASE_PROMPT = "/samples/support/base-prompt.txt";
    public static final String SUPPORT_JUDGE_PROMPT = "/samples/support/judge-prompt.txt";

    public static final String PAIRWISE = "/samples/pairwise/pairwise.csv";
    public static final String PAIRWISE_BASE_PROMPT = "/samples/pairwise/base-prompt.txt";
    /** The same assistant asked for brief replies: a second base configuration to run against the first. */
    public static final String PAIRWISE_BASE_PROMPT_B = "/samples/pairwise/base-prompt-b.txt";

    public static final String PAIRWISE_JUDGE_PROMPT = "/samples/pairwise/judge-prompt.txt";

    private Samples() {}

    public static Dataset movies() throws DatasetException {
        return read(MOVIES);
    }

    /** Customer questions to a home-internet provider with a model's answer, a reference answer and a human score. */
    public static Dataset support() throws DatasetException {
        return read(SUPPORT);
    }

    /** The support questions with two answers each, the reference answer and a person's preference (A, B or tie). */
    public static Dataset pairwise() throws DatasetException {
        return read(PAIRWISE);
    }

    private static Dataset read(String resource) throws DatasetException {
        try (InputStream in = open(resource)) {
            return DatasetReader.read(in, resource.substring(resource.lastIndexOf('/') + 1));
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
