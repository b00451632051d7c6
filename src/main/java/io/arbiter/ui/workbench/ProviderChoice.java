package io.arbiter.ui.workbench;

import io.arbiter.core.llm.ApiKeys;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.ProviderSettings;
import io.arbiter.core.llm.ProviderSettingsStore;
import io.arbiter.core.run.JudgePanel;
import io.arbiter.core.run.JurorProvider;
import io.arbiter.core.run.RunMode;
import io.arbiter.core.run.Stage;
import io.arbiter.ui.common.LatestOnly;
import io.arbiter.ui.common.TaskExecutor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The provider bar: which profile runs go to, the models and concurrency chosen for it, how its key is found and
 * whether batches are on offer. Picking a profile resets the rest to that profile's values. FX thread only.
 */
public final class ProviderChoice {

    private final ObservableList<ProviderSettings> providers =
            FXCollections.observableArrayList(ProviderSettings.presets());
    private final ObjectProperty<ProviderSettings> provider = new SimpleObjectProperty<>(providers.get(0));
    private final StringProperty baseModel =
            new SimpleStringProperty(providers.get(0).baseModel());
    private final StringProperty judgeModel =
            new SimpleStringProperty(providers.get(0).judgeModel());
    private final ObjectProperty<Integer> concurrency = new SimpleObjectProperty<>(ProviderProfile.DEFAULT_CONCURRENCY);
    /** Judge models beside the judge model, comma separated: a jury when not empty. */
    private final StringProperty alsoJudgedBy = new SimpleStringProperty("");

    private final ObjectProperty<Integer> repeats = new SimpleObjectProperty<>(1);
    private final BooleanProperty shuffleLabels = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper keyHint = new ReadOnlyStringWrapper();
    private final TaskExecutor executor;
    private final Consumer<String> status;
    private final Predicate<String> busy;
    /** True while a run goes: saved profiles read meanwhile do not replace the list. */
    private final ReadOnlyBooleanProperty running;

    private final ObjectProperty<RunMode> mode = new SimpleObjectProperty<>(RunMode.REALTIME);
    private final ReadOnlyBooleanWrapper batchAvailable =
            new ReadOnlyBooleanWrapper(providers.get(0).hasBatchApi());

    /** {@code busy} says, with a message, when a run or a project switch keeps the provider from changing now. */
    ProviderChoice(
            TaskExecutor executor, Consumer<String> status, Predicate<String> busy, ReadOnlyBooleanProperty running) {
        this.executor = executor;
        this.status = status;
        this.busy = busy;
        this.running = running;
        showKeyHint(providers.get(0));
        provider.addListener((obs, old, now) -> {
            if (now != null) {
                baseModel.set(now.baseModel());
                judgeModel.set(now.judgeModel());
                concurrency.set(now.concurrency());
                showKeyHint(now);
                batchAvailable.set(now.hasBatchApi());
                if (!now.hasBatchApi()) {
                    mode.set(RunMode.REALTIME);
                }
            }
        });
    }

    public ObservableList<ProviderSettings> providers() {
        return providers;
    }

    public ObjectProperty<ProviderSettings> providerProperty() {
        return provider;
    }

    public StringProperty baseModelProperty() {
        return baseModel;
    }

    public StringProperty judgeModelProperty() {
        return judgeModel;
    }

    public ObjectProperty<Integer> concurrencyProperty() {
        return concurrency;
    }

    /** Other judge models, comma separated, whose majority with the judge model is each row's verdict. */
    public StringProperty alsoJudgedByProperty() {
        return alsoJudgedBy;
    }

    /** How many times each juror judges each row. */
    public ObjectProperty<Integer> repeatsProperty() {
        return repeats;
    }

    /** Whether each repeat shows the labels in its own order (the label-order probe). */
    public BooleanProperty shuffleLabelsProperty() {
        return shuffleLabels;
    }

    /** Who judges next: the judge model, then Also judged by ({@code model@profile}: on that saved provider). */
    public JudgePanel panel() {
        List<String> models = new java.util.ArrayList<>();
        models.add(judgeModel.get() == null ? "" : judgeModel.get().strip());
        for (String other : (alsoJudgedBy.get() == null ? "" : alsoJudgedBy.get()).split(",")) {
            if (!other.isBlank()) {
                models.add(other.strip());
            }
        }
        int times = repeats.get() == null ? 1 : Math.max(1, Math.min(Stage.MAX_VOTES, repeats.get()));
        JudgePanel panel = JudgePanel.of(models, times, shuffleLabels.get() && times > 1);
        Map<String, JurorProvider> found = new LinkedHashMap<>();
        for (String name : panel.profileNames()) {
            providers.stream()
                    .filter(p -> p.name().equals(name) && !p.offline())
                    .findFirst()
                    .ifPresent(p -> found.put(name, JurorProvider.of(p))); // one not saved: Run says so
        }
        return panel.withProviders(found);
    }

    /** Shows {@code panel}'s other jurors, repeats and label shuffling as the next run's. */
    void usePanel(JudgePanel panel) {
        alsoJudgedBy.set(String.join(", ", panel.otherJurors()));
        repeats.set(panel.repeats());
        shuffleLabels.set(panel.shuffleLabels());
    }

    /** Realtime requests or the Batch API; batch only when the provider has it. */
    public ObjectProperty<RunMode> modeProperty() {
        return mode;
    }

    /** Whether the selected provider offers the Batch API. */
    public ReadOnlyBooleanProperty batchAvailableProperty() {
        return batchAvailable.getReadOnlyProperty();
    }

    /** Where the provider's key comes from and whether it is there; never the key itself. */
    public ReadOnlyStringProperty keyHintProperty() {
        return keyHint.getReadOnlyProperty();
    }

    ProviderSettings selected() {
        return provider.get();
    }

    /** How runs go as a project keeps it: batch only when chosen and on offer. */
    String keptMode() {
        return (mode.get() == RunMode.BATCH && selected().hasBatchApi() ? RunMode.BATCH : RunMode.REALTIME).id();
    }

    /** The profile kept in a project: the offline demo by name, as its server's port changes every time. */
    ProviderProfile keptProfile() {
        ProviderSettings settings = selected();
        ProviderProfile profile = settings.profile(settings.offline() ? WorkbenchProject.OFFLINE : settings.baseUrl());
        String base = baseModel.get();
        String judge = judgeModel.get();
        // Only a variable's name is kept; something else in that field could be a pasted key.
        String keyEnv = settings.keySourceIsAName() ? profile.apiKeyEnv() : null;
        return new ProviderProfile(
                profile.name(),
                profile.baseUrl(),
                keyEnv,
                base == null || base.isBlank() ? profile.baseModel() : base.strip(),
                judge == null || judge.isBlank() ? profile.judgeModel() : judge.strip(),
                profile.temperature(),
                profile.maxTokens(),
                concurrency.get(),
                profile.keychainEntry(),
                profile.prices(),
                profile.timeouts()); // where the key is kept, never the key
    }

    // Commands

    /** Reads the user's saved provider profiles in the background; the presets stay if there are none. */
    public void loadSaved(ProviderSettingsStore store) {
        executor.submit(store::load).whenComplete((loaded, failure) -> {
            if (failure != null) {
                status.accept(LatestOnly.messageOf(failure));
                return;
            }
            if (loaded.problem() != null) {
                status.accept(loaded.problem());
            }
            if (!running.get()) {
                useSaved(loaded.providers());
            }
        });
    }

    /** The profile the settings dialog hands over: it replaces the profile of the same name and is selected. */
    public void useSettings(ProviderSettings settings) {
        if (busy.test("changing the provider")) {
            return;
        }
        use(settings);
        status.accept("Runs now go to " + settings.name() + ".");
    }

    /** Replaces the list with saved profiles, keeping the selected one by name when it is still there. */
    private void useSaved(List<ProviderSettings> saved) {
        if (saved.isEmpty()) {
            return;
        }
        String chosen = provider.get().name();
        providers.setAll(saved);
        provider.set(providers.stream()
                .filter(p -> p.name().equals(chosen))
                .findFirst()
                .orElse(providers.get(0)));
    }

    /** Puts a profile first, replacing the one of the same name, and selects it. */
    private void use(ProviderSettings settings) {
        providers.removeIf(p -> p.name().equals(settings.name()));
        providers.add(0, settings);
        provider.set(settings);
    }

    /**
     * Selects the profile named as a project remembers it, else the one with its base URL ({@code arbiter run} names a
     * provider by its URL; "offline" is the demo), with the models it ran; a profile found neither way changes nothing.
     */
    void restore(String name, String baseUrl, String base, String judge) {
        providers.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .or(() -> providers.stream()
                        .filter(p -> baseUrl != null
                                && (WorkbenchProject.OFFLINE.equals(baseUrl)
                                        ? p.offline()
                                        : baseUrl.equals(p.baseUrl())))
                        .findFirst())
                .ifPresent(provider::set);
        if (base != null) {
            baseModel.set(base);
            judgeModel.set(judge);
        }
    }

    /**
     * Reading the OS keychain can take a second (and ask the user on macOS): it happens in the background, and the
     * hint says it is looking meanwhile. The other sources are read at once.
     */
    private void showKeyHint(ProviderSettings settings) {
        if (!settings.keyFromKeychain() || settings.offline() || !settings.needsKey()) {
            keyHint.set(keyHintFor(settings));
            return;
        }
        keyHint.set("API key from the OS keychain (looking…)");
        executor.submit(() -> keyHintFor(settings)).whenComplete((hint, failure) -> {
            if (provider.get() == settings) {
                keyHint.set(
                        failure == null ? hint : "API key from the OS keychain (could not be read: see Providers…)");
            }
        });
    }

    private static String keyHintFor(ProviderSettings settings) {
        if (settings.offline()) {
            return "No key needed · a deterministic classifier, not an LLM";
        }
        if (!settings.needsKey()) {
            return "Local server · no key";
        }
        ApiKeys.KeyState state = ApiKeys.system().state(settings);
        if (settings.keyFromKeychain()) {
            return "API key from the OS keychain"
                    + switch (state) {
                        case SET -> " (stored)";
                        case KEYCHAIN_UNAVAILABLE -> " (not reachable here: see Providers…)";
                        default -> " (no key stored: store it under Providers…)";
                    };
        }
        if (state == ApiKeys.KeyState.NOT_A_VARIABLE_NAME) {
            return "The API key source is not a variable name: fix it under Providers…"; // never echo a pasted key
        }
        return "API key from $" + settings.apiKeyEnv().strip()
                + (state == ApiKeys.KeyState.SET ? " (set)" : " (not set: export it before starting Arbiter)");
    }
}
