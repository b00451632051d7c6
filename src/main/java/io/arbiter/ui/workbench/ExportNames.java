package io.arbiter.ui.workbench;

import io.arbiter.core.dataset.Dataset;
import java.nio.file.Path;
import java.util.Locale;

/** Default names for exported files, from the project (else the dataset) they come from: "movies-results.csv". */
final class ExportNames {

    private ExportNames() {}

    /** "movies-results.csv" for movies.arbiter, else for movies.csv; "arbiter-results.csv" with neither. */
    static String results(Path project, Dataset dataset) {
        String from = project != null
                ? project.getFileName().toString()
                : dataset != null && dataset.name() != null ? dataset.name() : "arbiter";
        int dot = from.lastIndexOf('.');
        String stem = (dot > 0 ? from.substring(0, dot) : from).strip().replaceAll("[\\\\/:*?\"<>|\\s]+", "-");
        return (stem.isEmpty() ? "arbiter" : stem.toLowerCase(Locale.ROOT)) + "-results.csv";
    }
}
