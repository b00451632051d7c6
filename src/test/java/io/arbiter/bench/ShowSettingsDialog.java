package io.arbiter.bench;

import io.arbiter.core.llm.ProviderSettingsStore;
import io.arbiter.offline.OfflineServer;
import io.arbiter.ui.common.FxTaskExecutor;
import io.arbiter.ui.settings.SettingsView;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;

/**
 * A look at the Settings dialog for screenshots under Xvfb, on a throwaway config directory, with the offline demo
 * tested against a running server: {@code java -cp <test classpath> io.arbiter.bench.ShowSettingsDialog [preset]}.
 */
public final class ShowSettingsDialog {

    public static void main(String[] args) throws Exception {
        OfflineServer server = OfflineServer.start(0);
        Path config = Files.createTempDirectory("arbiter-settings");
        Platform.startup(() -> {
            SettingsView view = SettingsView.open(null,
                    ShowSettingsDialog.class.getResource("/css/arbiter.css").toExternalForm(), new FxTaskExecutor(),
                    settings -> System.out.println("Use: " + settings.name()), ProviderSettingsStore.inDirectory(config),
                    () -> server.baseUrl().toString());
            view.stage().setX(20);
            view.stage().setY(20);
            if (args.length > 0) {
                view.model().profiles().stream().filter(p -> p.settings().name().equals(args[0])).findFirst()
                        .ifPresent(p -> view.model().selectedProperty().set(p));
            }
            view.model().testConnection();
        });
    }
}
