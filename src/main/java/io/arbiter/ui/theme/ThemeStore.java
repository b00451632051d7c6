package io.arbiter.ui.theme;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.core.llm.ProviderSettingsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the user's {@link ThemeChoice} in {@code theme.json} beside the window's place ({@code $ARBITER_CONFIG_DIR},
 * else {@code ~/.config/arbiter}). A missing or unreadable file is {@link ThemeChoice#SYSTEM}. Does file I/O.
 */
public final class ThemeStore {

    public static final String FILE_NAME = "theme.json";
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file's one field; a record so a later setting can sit beside it. */
    record Saved(ThemeChoice theme) {}

    private final Path file;

    private ThemeStore(Path file) {
        this.file = file;
    }

    /** The store in the user's config directory. */
    public static ThemeStore forUser() {
        return new ThemeStore(ProviderSettingsStore.forUser().file().resolveSibling(FILE_NAME));
    }

    public static ThemeStore inDirectory(Path directory) {
        return new ThemeStore(directory.resolve(FILE_NAME));
    }

    /** Where the choice is kept, for a message when it cannot be. */
    public Path file() {
        return file;
    }

    public ThemeChoice load() {
        if (!Files.isRegularFile(file)) {
            return ThemeChoice.SYSTEM;
        }
        try {
            Saved saved = JSON.readValue(file.toFile(), Saved.class);
            return saved.theme() == null ? ThemeChoice.SYSTEM : saved.theme();
        } catch (IOException | RuntimeException e) {
            return ThemeChoice.SYSTEM; // a lost theme choice is no reason to stop
        }
    }

    public void save(ThemeChoice choice) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), new Saved(choice));
    }
}
