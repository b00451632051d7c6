package io.arbiter.bench;

import io.arbiter.core.llm.ApiKeys;
import io.arbiter.core.llm.InMemorySecretStore;
import io.arbiter.core.llm.ProviderSettingsStore;
import io.arbiter.offline.OfflineServer;
import io.arbiter.ui.common.FxTaskExecutor;
import io.arbiter.ui.settings.ProfileList;
import io.arbiter.ui.settings.SettingsView;
import io.arbiter.ui.theme.Palette;
import io.arbiter.ui.theme.ThemeStylesheet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.util.Duration;

/**
 * A look at the Settings dialog for screenshots under Xvfb, on a throwaway config directory, with the offline demo
 * tested against a running server: {@code java -cp <test classpath> io.arbiter.bench.ShowSettingsDialog [preset]
 * [--keychain | --store-key] [dark]}, in the workbench's theme (light, or {@code dark}). With {@code --keychain} the preset's key source is switched to an in-memory keychain
 * and a fake key stored there through the controls, to check that no part of it shows; {@code --store-key} does the
 * same with the real OS keychain (e.g. under dbus-run-session with gnome-keyring-daemon); with neither, the OS
 * keychain is only asked whether it is there.
 */
public final class ShowSettingsDialog {

    private static final String FAKE_KEY = "sk-screenshot-fake-5d2c7a91e04b8f36";

    public static void main(String[] args) throws Exception {
        OfflineServer server = OfflineServer.start(0);
        Path config = Files.createTempDirectory("arbiter-settings");
        boolean keychain = List.of(args).contains("--keychain");
        boolean store = keychain || List.of(args).contains("--store-key");
        ApiKeys keys = keychain ? new ApiKeys(System.getenv(), new InMemorySecretStore()) : ApiKeys.system();
        Platform.startup(() -> {
            // The workbench's look: the dialog opens from it, on the theme it has put on the application.
            Application.setUserAgentStylesheet(
                    ThemeStylesheet.of(List.of(args).contains("dark") ? Palette.DARK : Palette.LIGHT));
            SettingsView view = SettingsView.open(
                    null,
                    ShowSettingsDialog.class.getResource("/css/arbiter.css").toExternalForm(),
                    new FxTaskExecutor(),
                    settings -> System.out.println("Use: " + settings.name()),
                    ProviderSettingsStore.inDirectory(config),
                    keys,
                    () -> server.baseUrl().toString());
            view.stage().setX(20);
            view.stage().setY(20);
            // The profiles are read in the background: pick one and act once they are in.
            Runnable act = () -> {
                if (args.length > 0 && !args[0].startsWith("--")) {
                    view.model().profileList().profiles().stream()
                            .filter(p -> p.settings().name().equals(args[0]))
                            .findFirst()
                            .ifPresent(p -> view.model()
                                    .profileList()
                                    .selectedProperty()
                                    .set(p));
                }
                if (store) {
                    // As a user would: once the keychain has answered, pick it, paste a key and press Store key.
                    PauseTransition answered = new PauseTransition(Duration.seconds(1.5));
                    answered.setOnFinished(e -> {
                        Scene scene = view.stage().getScene();
                        ((RadioButton) scene.lookup("#settingsKeychainRadio")).fire();
                        ((PasswordField) scene.lookup("#settingsKeychainKeyField")).setText(FAKE_KEY);
                        ((Button) scene.lookup("#settingsStoreKeyButton")).fire();
                    });
                    answered.play();
                } else {
                    view.model().connection().test();
                }
            };
            ProfileList list = view.model().profileList();
            if (list.loadingProperty().get()) {
                list.loadingProperty().addListener((obs, was, loading) -> {
                    if (!loading) {
                        act.run();
                    }
                });
            } else {
                act.run();
            }
        });
    }
}
