package io.arbiter.ui.settings;

import io.arbiter.core.llm.ProviderSettings;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The provider profiles on the dialog's left and which one is selected: adding a preset under a free name,
 * duplicating, deleting (the last one stays). Every change marks the list unsaved. Empty until the profiles have been
 * read. FX thread.
 */
public final class ProfileList {

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

    private final ObservableList<Profile> profiles =
            FXCollections.observableArrayList(p -> new Observable[] {p.settingsProperty()});
    private final ObjectProperty<Profile> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    /** True until the profiles have been read: nothing may be saved over the file meanwhile. */
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(true);

    // Properties

    public ObservableList<Profile> profiles() {
        return profiles;
    }

    public ObjectProperty<Profile> selectedProperty() {
        return selected;
    }

    /** True when the list has changes not saved yet. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** True until the profiles have been read from the config file. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    // Commands

    /** Adds a copy of a preset under a name not yet taken, and selects it. */
    public void addPreset(ProviderSettings preset) {
        if (!loading.get()) {
            add(preset.withName(freeName(preset.name())));
        }
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

    // Internals

    /** The profiles as read from the config file; the first is selected. */
    void fill(List<ProviderSettings> read) {
        for (ProviderSettings s : read) {
            profiles.add(new Profile(s));
        }
        loading.set(false);
        selected.set(profiles.isEmpty() ? null : profiles.get(0));
    }

    /** The form changed the selected profile's settings to {@code typed}. */
    void edit(ProviderSettings typed) {
        if (!typed.equals(selected.get().settings())) {
            selected.get().settings.set(typed);
            dirty.set(true);
        }
    }

    /** The list as it is now has been written to the config file. */
    void saved() {
        dirty.set(false);
    }

    List<ProviderSettings> settings() {
        return profiles.stream().map(Profile::settings).toList();
    }

    private void add(ProviderSettings settings) {
        Profile profile = new Profile(settings);
        profiles.add(profile);
        selected.set(profile);
        dirty.set(true);
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
}
