package io.arbiter.core.project;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.store.ProjectStore;
import io.arbiter.core.store.StoredDataset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A project's copies of its datasets, each named by the SHA-256 of its content, and which one is current: the one
 * the next run reads. A copy is stored once per content, so a review kept against its hash outlives re-imports.
 */
final class DatasetCopies {

    static final String CURRENT_DATASET = "current_dataset_sha256";

    private final ProjectStore store;

    DatasetCopies(ProjectStore store) {
        this.store = store;
    }

    /** Copies the dataset in, named by the hash of its source file (or of its cells when it has none). */
    StoredDataset copy(Dataset dataset) throws IOException {
        Path source = dataset.source();
        String sha = source != null && Files.isRegularFile(source) ? sha256(source) : sha256Of(dataset);
        return copy(
                dataset,
                source == null ? null : source.toAbsolutePath().normalize().toString(),
                sha);
    }

    StoredDataset copy(Dataset dataset, String sourcePath, String sha256) {
        List<String> rows = new ArrayList<>(dataset.size());
        for (int r = 0; r < dataset.size(); r++) {
            rows.add(rowJson(dataset, r));
        }
        store.saveDataset(dataset.name(), sourcePath, sha256, ProjectJson.strings(dataset.columns()), rows);
        return store.dataset(sha256).orElseThrow();
    }

    /**
     * Makes a copy made earlier the current one again, e.g. when the workbench saves or runs on rows the project
     * already holds.
     *
     * @throws IllegalArgumentException if the project has no copy with that hash
     */
    void use(String sha256) {
        if (store.dataset(sha256).isEmpty()) {
            throw new IllegalArgumentException(store.file() + " has no copy of the dataset " + sha256);
        }
        store.putSetting(CURRENT_DATASET, sha256);
    }

    Optional<String> currentSha() {
        return store.setting(CURRENT_DATASET);
    }

    /** The last saved or used copy, else (files written before the current one was kept) the last copied in. */
    Optional<StoredDataset> current() {
        return currentSha().flatMap(store::dataset).or(store::latestDataset);
    }

    /** The current copy's hash, for calls that act on "the dataset" without naming one. */
    String requireCurrentSha() {
        return current()
                .map(StoredDataset::sha256)
                .orElseThrow(() -> new IllegalStateException("The project has no dataset yet"));
    }

    Optional<Dataset> dataset(String sha256) {
        return store.dataset(sha256).map(this::load);
    }

    Dataset load(StoredDataset stored) {
        List<String> columns = ProjectJson.strings(ProjectJson.read(stored.columnsJson()));
        List<String[]> rows = new ArrayList<>(stored.rowCount());
        for (String row : store.datasetRows(stored.id())) {
            rows.add(ProjectJson.strings(ProjectJson.read(row)).toArray(String[]::new));
        }
        return new Dataset(stored.name(), columns, rows);
    }

    /** Hex SHA-256 of a file's bytes. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Hashes the cells as the copy stores them, so equal content gets one name whatever file it came from. */
    private static String sha256Of(Dataset dataset) {
        MessageDigest digest = digest();
        digest.update(ProjectJson.strings(dataset.columns()).getBytes(StandardCharsets.UTF_8));
        for (int r = 0; r < dataset.size(); r++) {
            digest.update(rowJson(dataset, r).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String rowJson(Dataset dataset, int row) {
        String[] cells = new String[dataset.columns().size()];
        for (int c = 0; c < cells.length; c++) {
            cells[c] = dataset.value(row, c);
        }
        return ProjectJson.cells(cells);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
