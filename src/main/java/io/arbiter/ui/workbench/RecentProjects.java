package io.arbiter.ui.workbench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.core.llm.ProviderSettingsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The last project files opened, newest first, kept in {@code recent.json} beside the provider profiles
 * ({@code $ARBITER_CONFIG_DIR}, else {@code ~/.config/arbiter}). Does file I/O: call off the FX thread.
 */
public final class RecentProjects {

    public static final String FILE_NAME = "recent.json";
    public static final int LIMIT = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    private RecentProjects(Path file) {
        this.file = file;
    }

    public static RecentProjects forUser() {
        String dir = System.getenv(ProviderSettingsStore.CONFIG_DIR_VARIABLE);
        Path directory = dir != null && !dir.isBlank()
                ? Path.of(dir.strip())
                : Path.of(System.getProperty("user.home"), ".config", "arbiter");
        return inDirectory(directory);
    }

    public static RecentProjects inDirectory(Path directory) {
        return new RecentProjects(directory.resolve(FILE_NAME));
    }

    /** The saved paths; none when the file is missing or unreadable (a lost list is no reason to stop). */
    public List<Path> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            String[] paths = JSON.readValue(Files.readAllBytes(file), String[].class);
            List<Path> loaded = new ArrayList<>();
            for (String path : paths == null ? new String[0] : paths) {
                if (path != null && !path.isBlank() && loaded.size() < LIMIT) {
                    loaded.add(Path.of(path));
                }
            }
            return loaded;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Puts {@code opened} first and saves the list; returns it. */
    public List<Path> add(List<Path> current, Path opened) throws IOException {
        List<Path> updated = with(current, opened);
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter()
                .writeValue(file.toFile(), updated.stream().map(Path::toString).toList());
        return updated;
    }

    static List<Path> with(List<Path> current, Path opened) {
        Path normal = opened.toAbsolutePath().normalize();
        List<Path> updated = new ArrayList<>();
        updated.add(normal);
        current.stream()
                .filter(p -> !p.toAbsolutePath().normalize().equals(normal))
                .limit(LIMIT - 1)
                .forEach(updated::add);
        return updated;
    }
}
