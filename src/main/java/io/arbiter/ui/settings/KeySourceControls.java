package io.arbiter.ui.settings;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;

/**
 * The Settings dialog's key source controls: an environment variable or the OS keychain, the key's state, and a key
 * typed for the keychain handed on and the field emptied at once. FX thread.
 */
record KeySourceControls(
        RadioButton envRadio,
        TextField keyEnvField,
        Label keyStatusLabel,
        RadioButton keychainRadio,
        PasswordField keychainKeyField,
        Button storeKeyButton,
        Button removeKeyButton,
        Label keychainStatusLabel,
        Label keychainReasonLabel,
        Label keySourceHintLabel) {

    private static final PseudoClass MISSING = PseudoClass.getPseudoClass("missing");

    /** Binds the controls to {@code form}'s key source and {@code keys}; the demo ({@code offline}) needs no key. */
    void bind(SettingsForm form, KeySource keys, ObservableBooleanValue offline) {
        ToggleGroup source = new ToggleGroup();
        envRadio.setToggleGroup(source);
        keychainRadio.setToggleGroup(source);
        envRadio.setSelected(!form.fromKeychain.get());
        keychainRadio.setSelected(form.fromKeychain.get());
        source.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // a radio pair always has one chosen
            } else {
                form.fromKeychain.set(now == keychainRadio);
            }
        });
        form.fromKeychain.addListener((obs, old, now) -> (now ? keychainRadio : envRadio).setSelected(true));

        BooleanBinding keychainOff = form.fromKeychain
                .not()
                .or(keys.keychainAvailableProperty().not())
                .or(offline);
        keyEnvField.disableProperty().unbind();
        keyEnvField.disableProperty().bind(form.fromKeychain.or(offline));
        // A keychain profile keeps its choice visible when no keychain answers, so the user can switch it back.
        keychainRadio
                .disableProperty()
                .bind(form.fromKeychain
                        .not()
                        .and(keys.keychainAvailableProperty().not())
                        .or(offline));
        keychainKeyField.disableProperty().bind(keychainOff);
        storeKeyButton.disableProperty().bind(keychainOff);
        removeKeyButton
                .disableProperty()
                .bind(keychainOff.or(keys.keyStoredProperty().not()));
        storeKeyButton.setOnAction(e -> storeKey(keys));
        keychainKeyField.setOnAction(e -> {
            storeKey(keys);
            e.consume(); // Enter here stores the key; it must not also press the dialog's default button
        });
        removeKeyButton.setOnAction(e -> keys.removeKey());

        keyStatusLabel.textProperty().bind(keys.keyStatusProperty());
        keys.keySetProperty().addListener((obs, old, set) -> keyStatusLabel.pseudoClassStateChanged(MISSING, !set));
        keyStatusLabel.pseudoClassStateChanged(MISSING, !keys.keySetProperty().get());
        keychainStatusLabel.textProperty().bind(keys.keychainStatusProperty());
        keys.keyStoredProperty()
                .addListener((obs, old, stored) -> keychainStatusLabel.pseudoClassStateChanged(MISSING, !stored));
        keychainStatusLabel.pseudoClassStateChanged(
                MISSING, !keys.keyStoredProperty().get());
        keychainReasonLabel.textProperty().bind(keys.keychainReasonProperty());
        keychainReasonLabel.managedProperty().bind(keys.keychainReasonProperty().isNotEmpty());
        keychainReasonLabel.visibleProperty().bind(keys.keychainReasonProperty().isNotEmpty());
        keySourceHintLabel.textProperty().bind(keys.keySourceHintProperty());
    }

    private void storeKey(KeySource keys) {
        String key = keychainKeyField.getText();
        keychainKeyField.clear();
        keys.storeKey(key);
    }
}
