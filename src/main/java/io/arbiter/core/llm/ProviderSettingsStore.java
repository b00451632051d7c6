package io.arbiter.core.llm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The user's provider profiles in {@code providers.json} under the user config directory
 * ({@code $ARBITER_CONFIG_DIR}, else {@code ~/.config/arbiter}). The file has no field for a key, and settings whose
 * key source is not a variable name (perhaps a pasted key) or whose base URL holds a password are refused rather
 * than written.
 */
public final class ProviderSettingsStore {

    public static final String CONFIG_DIR_VARIABLE = "ARBITER_CONFIG_DIR";
    public static final String FILE_NAME = "providers.json";
    private static final int VERSION = 1;

    /** What is on disk: a version so later layouts can be read, and the profiles in the user's order. */
    record ProvidersFile(int version, List<ProviderSettings> providers) {}

    /** The profiles read, and when the file could not be used, why (naming the file); the file is then left alone. */
    public record Loaded(List<ProviderSettings> providers, String problem) {
        public boolean fromPresets() {
            return problem != null;
        }
    }

    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    public ProviderSettingsStore(Path file) {
        this.file = file;
    }

    /** The store in the user's config directory. */
    public static ProviderSettingsStore forUser() {
        return new ProviderSettingsStore(defaultFile(System.getenv(), System.getProperty("user.home")));
    }

    /** A store whose file lives in {@code directory}, e.g. a temporary one in tests. */
    public static ProviderSettingsStore inDirectory(Path directory) {
        return new ProviderSettingsStore(directory.resolve(FILE_NAME));
    }

    static Path defaultFile(Map<String, String> environment, String userHome) {
        String dir = environment.get(CONFIG_DIR_VARIABLE);
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir.strip()).resolve(FILE_NAME);
        }
        return Path.of(userHome, ".config", "arbiter", FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** The saved profiles; the presets when there is no file yet, or (with a problem) when it cannot be read. */
    public Loaded load() {
        if (!Files.exists(file)) {
            return new Loaded(ProviderSettings.presets(), null);
        }
        try {
            ProvidersFile read = json.readValue(Files.readAllBytes(file), ProvidersFile.class);
            if (read == null || read.providers() == null || read.providers().isEmpty()) {
                return corrupt("it lists no providers");
            }
            if (read.providers().stream()
                    .anyMatch(p -> p == null || p.name() == null || p.name().isBlank())) {
                return corrupt("a provider has no name");
            }
            return new Loaded(List.copyOf(read.providers()), null);
        } catch (JsonProcessingException e) {
            return corrupt(
                    "it is not valid provider settings (line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            return corrupt("it cannot be read (" + e.getMessage() + ")");
        }
    }

    private Loaded corrupt(String why) {
        return new Loaded(
                ProviderSettings.presets(),
                "The provider settings in " + file + " were not used: " + why
                        + ". The presets are shown instead; the file is left as it is until you save.");
    }

    /** Replaces the file in one step, so a crash mid-write leaves the old file or the new one, never half of each. */
    public void save(List<ProviderSettings> providers) throws IOException {
        for (ProviderSettings p : providers) {
            if (!p.offline() && ProviderInput.hasUserInfo(p.baseUrl())) {
                throw new IllegalArgumentException(
                        "The provider " + p.name() + " is not saved: " + ProviderInput.USER_INFO_REFUSED + ".");
            }
            if (!p.keySourceIsAName()) {
                throw new IllegalArgumentException("The key source of " + p.name()
                        + " is not an environment variable name, so it is not saved (it may be a key).");
            }
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, FILE_NAME, ".tmp");
        try {
            Files.write(temp, json.writeValueAsBytes(new ProvidersFile(VERSION, List.copyOf(providers))));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
