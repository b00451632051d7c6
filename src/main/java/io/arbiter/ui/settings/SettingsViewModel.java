package io.arbiter.ui.settings;

import io.arbiter.core.llm.ApiKeys;
import io.arbiter.core.llm.OsKeychain;
import io.arbiter.core.llm.ProviderSettings;
import io.arbiter.core.llm.ProviderSettingsStore;
import io.arbiter.ui.common.LatestOnly;
import io.arbiter.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Settings: the user's provider profiles on the left, the selected one's fields on the right, Save to the user's
 * config file and "Use for runs". The profiles are read in the background, so the dialog opens at once and fills when
 * they are in. Its key source ({@link KeySource}) and "Test connection" ({@link ConnectionProbe}) are parts of their
 * own.
 */
public final class SettingsViewModel {

    private final TaskExecutor executor;
    private final ProviderSettingsStore store;
    private final Consumer<ProviderSettings> onUse;

    // Properties
    private final ProfileList list = new ProfileList();
    private final ObjectProperty<ProfileList.Profile> selected = list.selectedProperty();
    private final SettingsForm form = new SettingsForm();
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    private final KeySource keySource;
    private final ConnectionProbe connection;
    /** True while the form is being filled from the selected profile: those edits are not the user's. */
    private boolean showing;

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
        this.onUse = onUse;
        this.keySource = new KeySource(executor, keys, selected, form, status::set, list.dirtyProperty());
        this.connection = new ConnectionProbe(executor, keys, offlineUrl, selected, form);
        selected.addListener((obs, old, now) -> showSelected());
        for (Observable field : form.fields()) {
            field.addListener(o -> formEdited());
        }
        form.fromKeychain.addListener((obs, was, now) -> {
            if (!showing) {
                keySource.read();
            }
        });
        executor.submit(store::load).whenComplete(this::loaded);
    }

    // Commands

    /** Writes every profile to the config file, unless one of them has a problem or they are still being read. */
    public void save() {
        if (list.loadingProperty().get()) {
            status.set("Not saved: the profiles are still being read.");
            return;
        }
        List<String> blocking = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ProfileList.Profile p : list.profiles()) {
            ProviderSettings s = p.settings();
            if (p == selected.get()) {
                if (!problems.get().isEmpty()) {
                    blocking.add(label(s) + ": " + problems.get()); // what the form shows, unparsed numbers included
                }
            } else {
                s.problems().forEach(problem -> blocking.add(label(s) + ": " + problem));
            }
            if (!names.add(s.name().strip().toLowerCase(Locale.ROOT))) {
                blocking.add("Two profiles are called " + s.name().strip() + "; give each its own name.");
            }
        }
        if (!blocking.isEmpty()) {
            status.set("Not saved. " + String.join(" ", new LinkedHashSet<>(blocking)));
            return;
        }
        List<ProviderSettings> all = list.settings();
        status.set("Saving…");
        executor.submit(() -> {
                    store.save(all);
                    return store.file();
                })
                .whenComplete((file, failure) -> {
                    if (failure != null) {
                        status.set("Not saved: " + rootMessage(failure));
                    } else {
                        list.saved();
                        status.set("Saved to " + file + ".");
                    }
                });
    }

    /** Hands the selected profile to the workbench, if it has no problems. */
    public boolean use() {
        ProfileList.Profile profile = selected.get();
        if (profile == null || !valid.get()) {
            status.set("Fix the problems shown before using this profile.");
            return false;
        }
        onUse.accept(profile.settings());
        status.set(profile.settings().name() + " will be used for runs.");
        return true;
    }

    // Properties

    /** The profiles, which one is selected, and whether they are saved. */
    public ProfileList profileList() {
        return list;
    }

    public SettingsForm form() {
        return form;
    }

    /** Where the selected profile's key comes from and whether it is there; storing a keychain key. */
    public KeySource keySource() {
        return keySource;
    }

    /** "Test connection" and the models it found. */
    public ConnectionProbe connection() {
        return connection;
    }

    /** The offline demo: only models and concurrency may change. */
    public ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Saved, not saved and why, or the config file that could not be read. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ProviderSettingsStore store() {
        return store;
    }

    /**
     * A background failure's message: the cause a future wraps, else the failure's short name (not
     * {@link LatestOnly#messageOf}'s full name: the settings screen has always said the short one).
     */
    static String rootMessage(Throwable failure) {
        Throwable t = LatestOnly.causeOf(failure);
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    // Internals

    /** The profiles read from the config file (or the presets when it has none or could not be used). */
    private void loaded(ProviderSettingsStore.Loaded read, Throwable failure) {
        String problem = failure != null
                ? "The provider settings in " + store.file() + " could not be read: " + rootMessage(failure)
                : read.problem();
        status.set(problem == null ? "" : problem);
        list.fill(failure == null ? read.providers() : ProviderSettings.presets());
    }

    private void showSelected() {
        showing = true;
        try {
            ProfileList.Profile profile = selected.get();
            connection.show(profile == null ? null : profile.settings());
            if (profile != null) {
                offline.set(profile.settings().offline());
                keySource.forget();
                form.show(profile.settings());
            }
        } finally {
            showing = false;
        }
        formEdited();
        keySource.read();
    }

    private void formEdited() {
        if (showing || selected.get() == null) {
            return;
        }
        List<String> found = new ArrayList<>();
        ProviderSettings typed = form.read(found);
        if (typed != null) {
            found.addAll(typed.problems());
            list.edit(typed);
        }
        problems.set(String.join(" ", new LinkedHashSet<>(found)));
        valid.set(found.isEmpty());
        keySource.show();
    }

    private static String label(ProviderSettings s) {
        return s.name() == null || s.name().isBlank()
                ? "A profile without a name"
                : s.name().strip();
    }
}
