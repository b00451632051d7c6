package io.arbiter.ui.window;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.core.llm.ProviderSettingsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps the window's {@link WindowState} in {@code window.json} beside the recent projects ({@code
 * $ARBITER_CONFIG_DIR}, else {@code ~/.config/arbiter}). A missing or unreadable file is no state: the window opens at
 * its default place. Does file I/O.
 */
public final class WindowStateStore {

    public static final String FILE_NAME = "window.json";
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    private WindowStateStore(Path file) {
        this.file = file;
    }

    /** The store in the user's config directory. */
    public static WindowStateStore forUser() {
        return new WindowStateStore(ProviderSettingsStore.forUser().file().resolveSibling(FILE_NAME));
    }

    public static WindowStateStore inDirectory(Path directory) {
        return new WindowStateStore(directory.resolve(FILE_NAME));
    }

    public Optional<WindowState> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            WindowState state = JSON.readValue(file.toFile(), WindowState.class);
            return state.width() > 0 && state.height() > 0 ? Optional.of(state) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a lost window place is no reason to stop
        }
    }

    public void save(WindowState state) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), state);
    }
}
