package io.arbiter.core.dataset;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads a dataset in one call with every setting detected, refusing files with ragged rows. Code that wants to
 * show what was detected, override it, or skip ragged rows uses {@link DatasetImporter}.
 */
public final class DatasetReader {

    private DatasetReader() {}

    public static Dataset read(Path file) throws DatasetException {
        return strict(
                DatasetImporter.read(file, ImportSettings.detectAll(), ImportProgress.NONE, () -> false),
                file.toString());
    }

    /** Reads from a stream; {@code name} is how messages refer to the source. */
    public static Dataset read(InputStream in, String name) throws DatasetException {
        ImportResult result = DatasetImporter.read(
                ByteSource.of(in, name),
                ImportSettings.detectAll(),
                ImportProgress.NONE,
                () -> false,
                Integer.MAX_VALUE);
        return strict(result, name);
    }

    private static Dataset strict(ImportResult result, String name) throws DatasetException {
        for (ImportProblem problem : result.problems()) {
            if (problem.kind() == ImportProblem.Kind.RAGGED_ROW || problem.kind() == ImportProblem.Kind.NOT_AN_OBJECT) {
                String more = result.totalRaggedRows() > 1
                        ? " (and " + (result.totalRaggedRows() - 1) + " more rows like it)"
                        : "";
                throw new DatasetException(name + ", line " + problem.line() + ": " + problem.message() + more);
            }
        }
        return result.dataset();
    }
}
