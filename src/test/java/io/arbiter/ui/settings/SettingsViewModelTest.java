package io.arbiter.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.ApiKeys;
import io.arbiter.core.llm.InMemorySecretStore;
import io.arbiter.core.llm.ProviderPreset;
import io.arbiter.core.llm.ProviderSettings;
import io.arbiter.core.llm.ProviderSettingsStore;
import io.arbiter.core.llm.StructuredOutput;
import io.arbiter.core.project.Project;
import io.arbiter.offline.OfflineServer;
import io.arbiter.ui.common.HeldTaskExecutor;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {

    private static final String FAKE_KEY = "sk-fake-0123456789abcdefXYZ";

    @TempDir
    Path configDir;

    private OfflineServer server;
    private final List<ProviderSettings> used = new ArrayList<>();
    private SettingsViewModel model;

    @BeforeEach
    void start() {
        server = OfflineServer.start(0);
        model = newModel();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SettingsViewModel newModel() {
        return new SettingsViewModel(
                new SameThreadTaskExecutor(),
                ProviderSettingsStore.inDirectory(configDir),
                Map.of("OPENAI_API_KEY", FAKE_KEY),
                () -> server.baseUrl().toString(),
                used::add);
    }

    private static ProviderSettings preset(String name) {
        return ProviderSettings.presets().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void startsOnThePresetsWithTheOfflineDemoSelectedAndReadOnly() {
        assertEquals(
                ProviderSettings.presets().size(),
                model.profileList().profiles().size());
        assertEquals(
                ProviderPreset.OFFLINE_NAME,
                model.profileList().selectedProperty().get().settings().name());
        assertTrue(model.offlineProperty().get());
        assertEquals("no key needed", model.keySource().keyStatusProperty().get());
        assertTrue(model.validProperty().get());
        assertFalse(model.profileList().dirtyProperty().get());
        assertEquals("", model.statusProperty().get());
    }

    @Test
    void testingTheOfflineDemoListsItsModels() {
        model.connection().test();

        assertFalse(model.connection().checkingProperty().get());
        assertTrue(
                model.connection().reportProperty().get().ok(),
                model.connection().reportTextProperty().get());
        assertEquals(
                List.of("offline-demo-base", "offline-demo-judge", "offline-demo-judge-2", "offline-demo-judge-3"),
                model.connection().models());
        assertTrue(model.connection().reportTextProperty().get().startsWith("Reached " + server.baseUrl()));
        assertEquals("offline-demo-base", model.form().baseModel.get(), "the chosen model survives the new list");
    }

    @Test
    void editingAPresetShowsTheKeyAsSetButNeverItsValue() {
        model.profileList().addPreset(preset("OpenAI"));
        assertEquals(
                "OpenAI 2",
                model.profileList().selectedProperty().get().settings().name(),
                "the presets are already listed");
        assertEquals("✓ set", model.keySource().keyStatusProperty().get());
        assertFalse(model.offlineProperty().get());

        model.form().apiKeyEnv.set("OTHER_KEY");
        assertEquals("✗ not set", model.keySource().keyStatusProperty().get());
        assertFalse(model.keySource().keySetProperty().get());

        model.form().apiKeyEnv.set(FAKE_KEY);
        assertEquals(
                "✗ not a variable name", model.keySource().keyStatusProperty().get());
        assertFalse(model.validProperty().get());
        assertFalse(model.problemsProperty().get().contains(FAKE_KEY));
    }

    @Test
    void formProblemsAreShownAndBlockUseAndSave() {
        model.profileList().addPreset(preset("Groq"));
        model.form().temperature.set("warm");
        model.form().concurrency.set("900");
        assertFalse(model.validProperty().get());
        assertTrue(
                model.problemsProperty().get().contains("Temperature must be a number"),
                model.problemsProperty().get());

        model.form().temperature.set("0.7");
        assertEquals("Concurrency must be 1 to 512.", model.problemsProperty().get());
        assertFalse(model.use());
        model.save();
        assertTrue(
                model.statusProperty().get().startsWith("Not saved. Groq 2: Concurrency"),
                model.statusProperty().get());
        assertFalse(Files.exists(model.store().file()));

        model.form().concurrency.set("64");
        assertTrue(model.validProperty().get());
        assertEquals(
                0.7, model.profileList().selectedProperty().get().settings().temperature());
        assertEquals(64, model.profileList().selectedProperty().get().settings().concurrency());
    }

    @Test
    void structuredOutputIsAutoUntilChosenAndTheChoiceIsSavedWithTheProfile() throws Exception {
        model.profileList().addPreset(preset("OpenAI"));
        assertEquals(StructuredOutput.AUTO, model.form().structuredOutput.get());

        model.form().structuredOutput.set(StructuredOutput.OFF);
        assertTrue(model.profileList().dirtyProperty().get(), "a change to save");
        model.save();

        assertTrue(Files.readString(configDir.resolve("providers.json")).contains("\"structuredOutput\" : \"off\""));
        SettingsViewModel reopened = newModel();
        ProviderSettings saved = reopened.profileList()
                .profiles()
                .get(reopened.profileList().profiles().size() - 1)
                .settings();
        assertEquals(StructuredOutput.OFF, saved.structuredOutput());
        reopened.profileList()
                .selectedProperty()
                .set(reopened.profileList()
                        .profiles()
                        .get(reopened.profileList().profiles().size() - 1));
        assertEquals(StructuredOutput.OFF, reopened.form().structuredOutput.get(), "the form shows it again");
    }

    @Test
    void anEditedProfileIsSavedAndReadBackWithoutTheKey() throws Exception {
        model.profileList().addPreset(preset("OpenAI"));
        model.form().name.set("OpenAI (team)");
        model.form().seed.set("7");
        model.form().requestsPerMinute.set("500");
        model.form().baseInputPrice.set("0,15");
        assertTrue(model.profileList().dirtyProperty().get());

        model.save();

        assertTrue(
                model.statusProperty().get().startsWith("Saved to "),
                model.statusProperty().get());
        assertFalse(model.profileList().dirtyProperty().get());
        String file = Files.readString(configDir.resolve("providers.json"));
        assertTrue(file.contains("OpenAI (team)"));
        assertFalse(file.contains(FAKE_KEY));
        SettingsViewModel reopened = newModel();
        ProviderSettings saved = reopened.profileList()
                .profiles()
                .get(reopened.profileList().profiles().size() - 1)
                .settings();
        assertEquals("OpenAI (team)", saved.name());
        assertEquals(7, saved.seed());
        assertEquals(500, saved.requestsPerMinute());
        assertEquals(0.15, saved.baseInputPrice());
        assertNull(saved.baseOutputPrice());
    }

    @Test
    void aKeyStoredInTheKeychainReachesNeitherTheConfigFileNorAProject() throws Exception {
        InMemorySecretStore keychain = new InMemorySecretStore();
        SettingsViewModel withKeychain = new SettingsViewModel(
                new SameThreadTaskExecutor(),
                ProviderSettingsStore.inDirectory(configDir),
                new ApiKeys(Map.of(), keychain),
                () -> server.baseUrl().toString(),
                used::add);
        assertTrue(withKeychain.keySource().keychainAvailableProperty().get());
        assertEquals("", withKeychain.keySource().keychainReasonProperty().get());
        withKeychain.profileList().addPreset(preset("Groq"));
        withKeychain.form().name.set("Groq (keychain)");

        withKeychain.form().fromKeychain.set(true);
        assertEquals(
                "✗ no key stored",
                withKeychain.keySource().keychainStatusProperty().get());
        withKeychain.keySource().storeKey(FAKE_KEY);

        assertEquals(
                "✓ key stored",
                withKeychain.keySource().keychainStatusProperty().get());
        assertTrue(withKeychain.keySource().keySetProperty().get());
        assertFalse(withKeychain.statusProperty().get().contains(FAKE_KEY));
        ProviderSettings chosen =
                withKeychain.profileList().selectedProperty().get().settings();
        assertEquals("Groq (keychain)", chosen.keychainEntry());
        assertNull(chosen.apiKeyEnv(), "only the chosen source is kept");
        assertEquals(
                FAKE_KEY,
                keychain.read(ApiKeys.KEYCHAIN_SERVICE, "Groq (keychain)").orElseThrow());
        withKeychain.form().name.set("Groq renamed");
        assertEquals(
                "Groq (keychain)",
                withKeychain.profileList().selectedProperty().get().settings().keychainEntry(),
                "a rename keeps the entry, so the key is not lost");
        withKeychain.profileList().duplicate();
        assertEquals(
                "Groq renamed copy",
                withKeychain.profileList().selectedProperty().get().settings().keychainEntry(),
                "a copy has an entry of its own: removing its key must not remove the original's");
        assertEquals(
                "✗ no key stored",
                withKeychain.keySource().keychainStatusProperty().get());
        withKeychain.profileList().delete();

        withKeychain.save();
        Path project = configDir.resolve("keychain.arbiter");
        try (Project opened = Project.open(project)) {
            opened.saveProvider(withKeychain
                    .profileList()
                    .selectedProperty()
                    .get()
                    .settings()
                    .profile("https://api.groq.com/openai/v1"));
        }

        assertTrue(
                withKeychain.statusProperty().get().startsWith("Saved to "),
                withKeychain.statusProperty().get());
        byte[] everything = allBytesUnder(configDir);
        assertTrue(contains(everything, "Groq (keychain)".getBytes(StandardCharsets.UTF_8)), "the scan sees the entry");
        assertFalse(contains(everything, FAKE_KEY.getBytes(StandardCharsets.UTF_8)), "key found on disk");
        assertFalse(contains(everything, FAKE_KEY.getBytes(StandardCharsets.UTF_16LE)), "key found on disk");
        assertFalse(
                contains(everything, FAKE_KEY.substring(0, 12).getBytes(StandardCharsets.UTF_8)), "key prefix found");
        try (Project reopened = Project.open(project)) {
            assertEquals("Groq (keychain)", reopened.provider().orElseThrow().keychainEntry());
        }
        SettingsViewModel again = new SettingsViewModel(
                new SameThreadTaskExecutor(),
                ProviderSettingsStore.inDirectory(configDir),
                new ApiKeys(Map.of(), keychain),
                () -> server.baseUrl().toString(),
                used::add);
        again.profileList()
                .selectedProperty()
                .set(again.profileList()
                        .profiles()
                        .get(again.profileList().profiles().size() - 1));
        assertTrue(again.form().fromKeychain.get());
        assertEquals("✓ key stored", again.keySource().keychainStatusProperty().get());

        again.keySource().removeKey();

        assertEquals(
                "✗ no key stored", again.keySource().keychainStatusProperty().get());
        assertTrue(keychain.read(ApiKeys.KEYCHAIN_SERVICE, "Groq (keychain)").isEmpty());
    }

    @Test
    void withoutAKeychainTheOptionSaysWhyAndStoresNothing() {
        SettingsViewModel without = new SettingsViewModel(
                new SameThreadTaskExecutor(),
                ProviderSettingsStore.inDirectory(configDir),
                new ApiKeys(Map.of(), InMemorySecretStore.unavailable("No OS keychain found: none in this test.")),
                () -> server.baseUrl().toString(),
                used::add);

        assertFalse(without.keySource().keychainAvailableProperty().get());
        assertEquals(
                "No OS keychain found: none in this test.",
                without.keySource().keychainReasonProperty().get());
        without.profileList().addPreset(preset("OpenAI"));
        without.keySource().storeKey(FAKE_KEY);
        assertFalse(
                without.statusProperty().get().contains("stored"),
                without.statusProperty().get());
    }

    private static byte[] allBytesUnder(Path dir) throws Exception {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.write(Files.readAllBytes(f));
            }
        }
        return all.toByteArray();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theProfilesAreReadThroughTheExecutorSoTheDialogOpensAtOnce() throws Exception {
        model.profileList().addPreset(preset("Groq"));
        model.save();
        HeldTaskExecutor held = new HeldTaskExecutor(); // holds the read, as a slow disk would
        SettingsViewModel opening = new SettingsViewModel(
                held,
                ProviderSettingsStore.inDirectory(configDir),
                new ApiKeys(Map.of(), new InMemorySecretStore()),
                () -> server.baseUrl().toString(),
                used::add);

        assertTrue(opening.profileList().loadingProperty().get());
        assertTrue(opening.profileList().profiles().isEmpty(), "nothing is read on the calling thread");
        assertNull(opening.profileList().selectedProperty().get());
        String before = Files.readString(configDir.resolve("providers.json"));
        opening.save();
        assertTrue(
                opening.statusProperty().get().startsWith("Not saved"),
                opening.statusProperty().get());
        assertEquals(before, Files.readString(configDir.resolve("providers.json")), "nothing saved over the file");
        opening.profileList().addPreset(preset("OpenAI"));
        assertTrue(opening.profileList().profiles().isEmpty(), "nothing to add to yet");
        // Changed on disk before the held work runs: what the dialog shows is what that work reads.
        model.profileList().addPreset(preset("OpenAI"));
        model.save();

        held.runAll();

        assertFalse(opening.profileList().loadingProperty().get());
        assertEquals(
                List.of("Groq 2", "OpenAI 2"),
                opening.profileList().profiles().stream()
                        .map(p -> p.settings().name())
                        .filter(name -> name.endsWith(" 2"))
                        .toList());
        assertEquals(
                opening.profileList().profiles().get(0),
                opening.profileList().selectedProperty().get());
        assertFalse(opening.profileList().dirtyProperty().get());
        assertEquals("", opening.statusProperty().get());
    }

    @Test
    void duplicateAndDeleteKeepNamesDistinctAndOneProfileLeft() {
        model.profileList().duplicate();
        assertEquals(
                ProviderPreset.OFFLINE_NAME + " copy",
                model.profileList().selectedProperty().get().settings().name());
        model.profileList().addPreset(preset("Groq"));
        model.profileList().addPreset(preset("Groq"));
        assertEquals(
                "Groq 3",
                model.profileList().selectedProperty().get().settings().name());
        int before = model.profileList().profiles().size();
        model.profileList().delete();
        assertEquals(before - 1, model.profileList().profiles().size());
        while (model.profileList().profiles().size() > 1) {
            model.profileList().delete();
        }
        model.profileList().delete();
        assertEquals(1, model.profileList().profiles().size(), "the last profile stays");
    }

    @Test
    void useHandsTheSelectedSettingsToTheCaller() {
        model.form().concurrency.set("8");
        assertTrue(model.use());
        assertEquals(1, used.size());
        assertEquals(8, used.get(0).concurrency());
        assertTrue(used.get(0).offline());
    }

    @Test
    void aCorruptConfigFileIsNamedAndKeptUntilSaved() throws Exception {
        Path file = configDir.resolve("providers.json");
        Files.writeString(file, "not json");

        SettingsViewModel reopened = newModel();

        assertTrue(
                reopened.statusProperty().get().contains(file.toString()),
                reopened.statusProperty().get());
        assertEquals(
                ProviderSettings.presets().size(),
                reopened.profileList().profiles().size());
        assertEquals("not json", Files.readString(file));
    }

    @Test
    void aRefusedConnectionIsReportedInPlainWords() {
        model.profileList()
                .addPreset(new ProviderSettings(
                        "Nowhere",
                        "http://127.0.0.1:9/v1",
                        null,
                        "a",
                        "b",
                        0,
                        16,
                        null,
                        1,
                        0,
                        0,
                        false,
                        null,
                        null,
                        null,
                        null));
        model.connection().test();
        assertFalse(model.connection().reportProperty().get().ok());
        assertTrue(
                model.connection().reportTextProperty().get().startsWith("Nothing listens at http://127.0.0.1:9/v1"),
                model.connection().reportTextProperty().get());
        assertEquals(List.of("a", "b"), model.connection().models(), "the typed models stay");
    }
}
