package io.arbiter.ui.results;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.core.llm.ProviderSettingsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the {@link ColumnLayout} in {@code columns.json} beside the window's place ({@code $ARBITER_CONFIG_DIR}, else
 * {@code ~/.config/arbiter}): one choice per user, as the columns mean the same in every project. Does file I/O.
 */
public final class ColumnLayoutStore {

    public static final String FILE_NAME = "columns.json";
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    private ColumnLayoutStore(Path file) {
        this.file = file;
    }

    /** The store in the user's config directory. */
    public static ColumnLayoutStore forUser() {
        return new ColumnLayoutStore(ProviderSettingsStore.forUser().file().resolveSibling(FILE_NAME));
    }

    public static ColumnLayoutStore inDirectory(Path directory) {
        return new ColumnLayoutStore(directory.resolve(FILE_NAME));
    }

    /** Where the layout is kept, for a message when it cannot be. */
    public Path file() {
        return file;
    }

    /** The saved layout; the default when the file is missing or unreadable (a lost choice is no reason to stop). */
    public ColumnLayout load() {
        if (!Files.isRegularFile(file)) {
            return ColumnLayout.DEFAULT;
        }
        try {
            return JSON.readValue(file.toFile(), ColumnLayout.class);
        } catch (IOException | RuntimeException e) {
            return ColumnLayout.DEFAULT;
        }
    }

    public void save(ColumnLayout layout) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), layout);
    }
}
