package io.arbiter.ui.settings;

import io.arbiter.core.llm.ApiKeys;
import io.arbiter.core.llm.ProviderSettings;
import io.arbiter.ui.common.LatestOnly;
import io.arbiter.ui.common.TaskExecutor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Where the selected profile's API key comes from — an environment variable or the OS keychain — and whether it is
 * there; storing a key in the keychain and removing it. The key is passed straight on: it is not kept here, shown, or
 * put in any message. Whether a keychain answers, and what it holds, is read in the background. FX thread.
 */
public final class KeySource {

    private final TaskExecutor executor;
    private final ApiKeys keys;
    private final ReadOnlyObjectProperty<ProfileList.Profile> selected;
    private final SettingsForm form;
    private final Consumer<String> status;
    /** True while the profiles have changes not saved yet. */
    private final ReadOnlyBooleanProperty unsaved;

    private final ReadOnlyStringWrapper keyStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper keySet = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper keychainAvailable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper keychainReason = new ReadOnlyStringWrapper("Looking for the OS keychain…");
    private final ReadOnlyBooleanWrapper keyStored = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper keychainStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper keySourceHint = new ReadOnlyStringWrapper("");
    /** Whether the selected profile's keychain entry holds a key, as last read; null until read. */
    private ApiKeys.KeyState keychainState;
    /** Reads of the keychain entry: one that finishes after a newer read began is out of date. */
    private final LatestOnly reads;

    /** Asks at once, in the background, whether an OS keychain answers. */
    KeySource(
            TaskExecutor executor,
            ApiKeys keys,
            ReadOnlyObjectProperty<ProfileList.Profile> selected,
            SettingsForm form,
            Consumer<String> status,
            ReadOnlyBooleanProperty unsaved) {
        this.executor = executor;
        this.keys = keys;
        this.selected = selected;
        this.form = form;
        this.status = status;
        this.unsaved = unsaved;
        this.reads = new LatestOnly(executor);
        // Finding the keychain may take a D-Bus round trip: the option stays off until the answer is in.
        executor.submit(() -> keys.keychain().unavailableReason()).whenComplete((reason, failure) -> {
            String why = failure != null
                    ? "The OS keychain could not be reached: " + SettingsViewModel.rootMessage(failure)
                    : reason.orElse("");
            keychainReason.set(why);
            keychainAvailable.set(why.isEmpty());
            read();
        });
    }

    // Properties

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

    // Commands

    /** Puts {@code key} into the OS keychain under the selected profile's entry, replacing what was there. */
    public void storeKey(String key) {
        ProfileList.Profile profile = selected.get();
        if (profile == null || !profile.settings().keyFromKeychain() || !keychainAvailable.get()) {
            return;
        }
        if (key == null || key.isBlank()) {
            status.accept("Paste the key into the field first; nothing was stored.");
            return;
        }
        String secret = key.strip();
        String entry = profile.settings().keychainEntry();
        status.accept("Storing the key in the OS keychain…");
        executor.submit(() -> {
                    keys.keychain().write(ApiKeys.KEYCHAIN_SERVICE, entry, secret);
                    return entry;
                })
                .whenComplete((stored, failure) -> {
                    if (failure != null) {
                        status.accept("The key was not stored: "
                                + SettingsViewModel.rootMessage(failure).replace(secret, "…"));
                    } else {
                        status.accept("Key stored in the OS keychain as " + ApiKeys.KEYCHAIN_SERVICE + " / " + stored
                                + "." + (unsaved.get() ? " Save to keep this profile's key source." : ""));
                    }
                    read();
                });
    }

    /** Removes the selected profile's key from the OS keychain. */
    public void removeKey() {
        ProfileList.Profile profile = selected.get();
        if (profile == null || !profile.settings().keyFromKeychain() || !keychainAvailable.get()) {
            return;
        }
        String entry = profile.settings().keychainEntry();
        executor.submit(() -> {
                    keys.keychain().delete(ApiKeys.KEYCHAIN_SERVICE, entry);
                    return entry;
                })
                .whenComplete((removed, failure) -> {
                    status.accept(
                            failure != null
                                    ? "The key was not removed: " + SettingsViewModel.rootMessage(failure)
                                    : "Key removed from the OS keychain (" + ApiKeys.KEYCHAIN_SERVICE + " / " + removed
                                            + ").");
                    read();
                });
    }

    // Internals

    /** Another profile is shown: what was read about the last one's keychain entry no longer applies. */
    void forget() {
        keychainState = null;
    }

    /** Reads in the background whether the selected profile's keychain entry holds a key; never the key itself. */
    void read() {
        ProfileList.Profile profile = selected.get();
        if (profile == null || !profile.settings().keyFromKeychain() || !keychainAvailable.get()) {
            keychainState = null;
            show();
            return;
        }
        ProviderSettings settings = profile.settings();
        reads.submit(
                () -> keys.state(settings),
                state -> answered(profile, state),
                failure -> answered(profile, ApiKeys.KeyState.KEYCHAIN_UNAVAILABLE)); // no answer: not usable now
    }

    private void answered(ProfileList.Profile profile, ApiKeys.KeyState state) {
        if (selected.get() == profile) { // else the answer is about a profile no longer shown
            keychainState = state;
            show();
        }
    }

    /** Says where the selected profile's key comes from and whether it is there, as the form has it now. */
    void show() {
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
}
