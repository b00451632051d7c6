package io.arbiter.ui.settings;

import io.arbiter.core.llm.ApiKeys;
import io.arbiter.core.llm.ConnectionCheck;
import io.arbiter.core.llm.ConnectionReport;
import io.arbiter.core.llm.OsKeychain;
import io.arbiter.core.llm.ProviderSettings;
import io.arbiter.core.llm.ProviderSettingsStore;
import io.arbiter.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Settings: the user's provider profiles on the left, the selected one's fields on the right, "Test connection" in
 * the background, Save to the user's config file and "Use for runs". Keys are shown only as set or not set; a key
 * typed for the OS keychain goes straight there and is kept nowhere else.
 */
public final class SettingsViewModel {

    /** One profile in the list; its settings change as the form is edited. */
    public static final class Profile {
        private final ReadOnlyObjectWrapper<ProviderSettings> settings;

        Profile(ProviderSettings settings) {
            this.settings = new ReadOnlyObjectWrapper<>(settings);
        }

        public ReadOnlyObjectProperty<ProviderSettings> settingsProperty() {
            return settings.getReadOnlyProperty();
        }

        public ProviderSettings settings() {
            return settings.get();
        }

        @Override
        public String toString() {
            return settings.get().name();
        }
    }

    private final TaskExecutor executor;
    private final ProviderSettingsStore store;
    private final ApiKeys keys;
    private final Callable<String> offlineUrl;
    private final Consumer<ProviderSettings> onUse;

    // Properties
    private final ObservableList<Profile> profiles =
            FXCollections.observableArrayList(p -> new Observable[] {p.settingsProperty()});
    private final ObjectProperty<Profile> selected = new SimpleObjectProperty<>();
    private final SettingsForm form = new SettingsForm();
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper keyStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper keySet = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper keychainAvailable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper keychainReason = new ReadOnlyStringWrapper("Looking for the OS keychain…");
    private final ReadOnlyBooleanWrapper keyStored = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper keychainStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper keySourceHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ConnectionReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper reportText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private boolean showing;
    /** Whether the selected profile's keychain entry holds a key, as last read; null until read. */
    private ApiKeys.KeyState keychainState;

    /** Settings with keys from {@code environment} or the OS keychain. */
    public SettingsViewModel(
            TaskExecutor executor,
            ProviderSettingsStore store,
            Map<String, String> environment,
            Callable<String> offlineUrl,
            Consumer<ProviderSettings> onUse) {
        this(executor, store, new ApiKeys(environment, OsKeychain.shared()), offlineUrl, onUse);
    }

    /**
     * @param keys       where keys are looked up to show "set"/"not set" and stored for the keychain; never shown
     * @param offlineUrl the running offline server's base URL, starting it if need be; called in the background
     * @param onUse      receives the selected profile on "Use for runs"
     */
    public SettingsViewModel(
            TaskExecutor executor,
            ProviderSettingsStore store,
            ApiKeys keys,
            Callable<String> offlineUrl,
            Consumer<ProviderSettings> onUse) {
        this.executor = executor;
        this.store = store;
        this.keys = keys;
        this.offlineUrl = offlineUrl;
        this.onUse = onUse;
        selected.addListener((obs, old, now) -> showSelected());
        for (Observable field : form.fields()) {
            field.addListener(o -> formEdited());
        }
        ProviderSettingsStore.Loaded loaded = store.load();
        for (ProviderSettings s : loaded.providers()) {
            profiles.add(new Profile(s));
        }
        status.set(loaded.problem() == null ? "" : loaded.problem());
        selected.set(profiles.isEmpty() ? null : profiles.get(0));
        form.fromKeychain.addListener((obs, was, now) -> readKeychain());
        // Finding the keychain may take a D-Bus round trip: the option stays off until the answer is in.
        executor.submit(() -> keys.keychain().unavailableReason()).whenComplete((reason, failure) -> {
            String why = failure != null
                    ? "The OS keychain could not be reached: " + rootMessage(failure)
                    : reason.orElse("");
            keychainReason.set(why);
            keychainAvailable.set(why.isEmpty());
            readKeychain();
        });
    }

    // Commands

    /** Adds a copy of a preset under a name not yet taken, and selects it. */
    public void addPreset(ProviderSettings preset) {
        add(preset.withName(freeName(preset.name())));
    }

    public void duplicate() {
        if (selected.get() != null) {
            add(selected.get()
                    .settings()
                    .copyNamed(freeName(selected.get().settings().name() + " copy")));
        }
    }

    /** Removes the selected profile; the last one stays, so there is always something to run with. */
    public void delete() {
        Profile profile = selected.get();
        if (profile == null || profiles.size() <= 1) {
            return;
        }
        int index = profiles.indexOf(profile);
        profiles.remove(index);
        selected.set(profiles.get(Math.min(index, profiles.size() - 1)));
        dirty.set(true);
    }

    /** Asks the provider for its models in the background; fills the model choices and says what happened. */
    public void testConnection() {
        Profile profile = selected.get();
        if (profile == null || checking.get()) {
            return;
        }
        ProviderSettings settings = profile.settings();
        checking.set(true);
        report.set(null);
        reportText.set(
                "Asking " + (settings.offline() ? "the offline demo server" : settings.baseUrl()) + " for its models…");
        executor.submit(() -> {
                    String url = settings.offline() ? offlineUrl.call() : settings.baseUrl();
                    return ConnectionCheck.run(settings, url, keys, ConnectionCheck.DEFAULT_TIMEOUT);
                })
                .whenComplete((result, failure) -> {
                    checking.set(false);
                    if (selected.get() != profile) {
                        reportText.set("");
                        return; // the user moved on; the answer is about another profile
                    }
                    if (failure != null) {
                        reportText.set("The test could not run: " + rootMessage(failure));
                        return;
                    }
                    report.set(result);
                    reportText.set(result.text());
                    if (!result.models().isEmpty()) {
                        String base = form.baseModel.get();
                        String judge = form.judgeModel.get();
                        models.setAll(result.models());
                        form.baseModel.set(base); // an editable ComboBox may clear its value when its items change
                        form.judgeModel.set(judge);
                    }
                });
    }

    /** Writes every profile to the config file, unless one of them has a problem. */
    public void save() {
        List<String> blocking = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Profile p : profiles) {
            ProviderSettings s = p.settings();
            if (p == selected.get()) {
                if (!problems.get().isEmpty()) {
                    blocking.add(label(s) + ": " + problems.get()); // what the form shows, unparsed numbers included
                }
            } else {
                s.problems().forEach(problem -> blocking.add(label(s) + ": " + problem));
            }
            if (!names.add(s.name().strip().toLowerCase(java.util.Locale.ROOT))) {
                blocking.add("Two profiles are called " + s.name().strip() + "; give each its own name.");
            }
        }
        if (!blocking.isEmpty()) {
            status.set("Not saved. " + String.join(" ", new LinkedHashSet<>(blocking)));
            return;
        }
        List<ProviderSettings> list = profiles.stream().map(Profile::settings).toList();
        status.set("Saving…");
        executor.submit(() -> {
                    store.save(list);
                    return store.file();
                })
                .whenComplete((file, failure) -> {
                    if (failure != null) {
                        status.set("Not saved: " + rootMessage(failure));
                    } else {
                        dirty.set(false);
                        status.set("Saved to " + file + ".");
                    }
                });
    }

    /**
     * Puts {@code key} into the OS keychain under the selected profile's entry, replacing what was there. The key is
     * passed straight on: it is not kept here, shown, or put in any message.
     */
    public void storeKey(String key) {
        Profile profile = selected.get();
        if (profile == null || !profile.settings().keyFromKeychain() || !keychainAvailable.get()) {
            return;
        }
        if (key == null || key.isBlank()) {
            status.set("Paste the key into the field first; nothing was stored.");
            return;
        }
        String secret = key.strip();
        String entry = profile.settings().keychainEntry();
        status.set("Storing the key in the OS keychain…");
        executor.submit(() -> {
                    keys.keychain().write(ApiKeys.KEYCHAIN_SERVICE, entry, secret);
                    return entry;
                })
                .whenComplete((stored, failure) -> {
                    if (failure != null) {
                        status.set("The key was not stored: "
                                + rootMessage(failure).replace(secret, "…"));
                    } else {
                        status.set("Key stored in the OS keychain as " + ApiKeys.KEYCHAIN_SERVICE + " / " + stored + "."
                                + (dirty.get() ? " Save to keep this profile's key source." : ""));
                    }
                    readKeychain();
                });
    }

    /** Removes the selected profile's key from the OS keychain. */
    public void removeKey() {
        Profile profile = selected.get();
        if (profile == null || !profile.settings().keyFromKeychain() || !keychainAvailable.get()) {
            return;
        }
        String entry = profile.settings().keychainEntry();
        executor.submit(() -> {
                    keys.keychain().delete(ApiKeys.KEYCHAIN_SERVICE, entry);
                    return entry;
                })
                .whenComplete((removed, failure) -> {
                    status.set(
                            failure != null
                                    ? "The key was not removed: " + rootMessage(failure)
                                    : "Key removed from the OS keychain (" + ApiKeys.KEYCHAIN_SERVICE + " / " + removed
                                            + ").");
                    readKeychain();
                });
    }

    /** Hands the selected profile to the workbench, if it has no problems. */
    public boolean use() {
        Profile profile = selected.get();
        if (profile == null || !valid.get()) {
            status.set("Fix the problems shown before using this profile.");
            return false;
        }
        onUse.accept(profile.settings());
        status.set(profile.settings().name() + " will be used for runs.");
        return true;
    }

    // Properties

    public ObservableList<Profile> profiles() {
        return profiles;
    }

    public ObjectProperty<Profile> selectedProperty() {
        return selected;
    }

    public SettingsForm form() {
        return form;
    }

    /** Model ids the provider listed at the last test; the model fields stay editable whatever it lists. */
    public ObservableList<String> models() {
        return models;
    }

    /** The offline demo: only models and concurrency may change. */
    public ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    /** "✓ set", "✗ not set" or "no key needed": never the key. */
    public ReadOnlyStringProperty keyStatusProperty() {
        return keyStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty keySetProperty() {
        return keySet.getReadOnlyProperty();
    }

    /** Whether an OS keychain answered; until it has, and when it cannot, the keychain option is off. */
    public ReadOnlyBooleanProperty keychainAvailableProperty() {
        return keychainAvailable.getReadOnlyProperty();
    }

    /** Why the OS keychain cannot be used, in plain words; empty when it can. */
    public ReadOnlyStringProperty keychainReasonProperty() {
        return keychainReason.getReadOnlyProperty();
    }

    /** Whether the selected profile's keychain entry holds a key. */
    public ReadOnlyBooleanProperty keyStoredProperty() {
        return keyStored.getReadOnlyProperty();
    }

    /** "✓ key stored" or "✗ no key stored" for a keychain profile; empty otherwise. Never the key. */
    public ReadOnlyStringProperty keychainStatusProperty() {
        return keychainStatus.getReadOnlyProperty();
    }

    /** One line under the key source saying what Arbiter keeps and where the key itself lives. */
    public ReadOnlyStringProperty keySourceHintProperty() {
        return keySourceHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reportTextProperty() {
        return reportText.getReadOnlyProperty();
    }

    /** Saved, not saved and why, or the config file that could not be read. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ProviderSettingsStore store() {
        return store;
    }

    // Internals

    private void add(ProviderSettings settings) {
        Profile profile = new Profile(settings);
        profiles.add(profile);
        selected.set(profile);
        dirty.set(true);
    }

    private void showSelected() {
        showing = true;
        try {
            Profile profile = selected.get();
            models.clear();
            report.set(null);
            reportText.set("");
            if (profile != null) {
                ProviderSettings s = profile.settings();
                offline.set(s.offline());
                Set<String> chosen = new LinkedHashSet<>();
                for (String model : new String[] {s.baseModel(), s.judgeModel()}) {
                    if (model != null && !model.isBlank()) {
                        chosen.add(model);
                    }
                }
                models.addAll(chosen);
                keychainState = null;
                form.show(s);
            }
        } finally {
            showing = false;
        }
        formEdited();
        readKeychain();
    }

    /** Reads in the background whether the selected profile's keychain entry holds a key; never the key itself. */
    private void readKeychain() {
        Profile profile = selected.get();
        if (showing || profile == null || !profile.settings().keyFromKeychain() || !keychainAvailable.get()) {
            keychainState = null;
            showKey();
            return;
        }
        ProviderSettings settings = profile.settings();
        executor.submit(() -> keys.state(settings)).whenComplete((state, failure) -> {
            if (selected.get() == profile) {
                keychainState = failure == null ? state : ApiKeys.KeyState.KEYCHAIN_UNAVAILABLE;
                showKey();
            }
        });
    }

    private void formEdited() {
        if (showing || selected.get() == null) {
            return;
        }
        List<String> found = new ArrayList<>();
        ProviderSettings typed = form.read(found);
        if (typed != null) {
            found.addAll(typed.problems());
            if (!typed.equals(selected.get().settings())) {
                selected.get().settings.set(typed);
                dirty.set(true);
            }
        }
        problems.set(String.join(" ", new LinkedHashSet<>(found)));
        valid.set(found.isEmpty());
        showKey();
    }

    private void showKey() {
        if (selected.get() == null) {
            return;
        }
        String variable =
                form.apiKeyEnv.get() == null ? "" : form.apiKeyEnv.get().strip();
        ProviderSettings current = selected.get().settings();
        keyStored.set(current.keyFromKeychain() && keychainState == ApiKeys.KeyState.SET);
        keychainStatus.set(
                !current.keyFromKeychain()
                                || keychainState == null
                                || keychainState == ApiKeys.KeyState.KEYCHAIN_UNAVAILABLE
                        ? ""
                        : keyStored.get() ? "✓ key stored" : "✗ no key stored");
        keySourceHint.set(
                current.keyFromKeychain()
                        ? "Arbiter keeps only the entry's name (" + ApiKeys.KEYCHAIN_SERVICE + " / "
                                + current.keychainEntry()
                                + "); a key stored here goes straight to the OS keychain and is never shown again."
                        : "Arbiter stores the variable's name, never the key: set the variable before starting Arbiter.");
        if (current.keyFromKeychain()) {
            keySet.set(keyStored.get());
            keyStatus.set("");
        } else if (variable.isEmpty()) {
            keySet.set(true);
            keyStatus.set("no key needed");
        } else if (!current.keySourceIsAName()) {
            keySet.set(false);
            keyStatus.set("✗ not a variable name");
        } else {
            keySet.set(keys.state(current) == ApiKeys.KeyState.SET);
            keyStatus.set(keySet.get() ? "✓ set" : "✗ not set");
        }
    }

    private String freeName(String wanted) {
        Set<String> taken = new HashSet<>();
        profiles.forEach(p -> taken.add(p.settings().name()));
        String name = wanted;
        for (int i = 2; taken.contains(name); i++) {
            name = wanted + " " + i;
        }
        return name;
    }

    private static String label(ProviderSettings s) {
        return s.name() == null || s.name().isBlank()
                ? "A profile without a name"
                : s.name().strip();
    }

    private static String rootMessage(Throwable failure) {
        Throwable t =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
