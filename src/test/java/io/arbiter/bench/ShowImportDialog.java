package io.arbiter.bench;

import io.arbiter.ui.ArbiterApp;
import io.arbiter.ui.common.FxTaskExecutor;
import io.arbiter.ui.importer.ImportView;
import io.arbiter.ui.workbench.WorkbenchViewModel;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * A look at the import dialog on a given file, for screenshots under Xvfb where a native file chooser cannot be
 * driven: {@code java -cp <test classpath> io.arbiter.bench.ShowImportDialog FILE [dark]}.
 */
public final class ShowImportDialog {

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        Platform.startup(() -> {
            WorkbenchViewModel model = new WorkbenchViewModel(new FxTaskExecutor());
            Stage stage = new Stage();
            Scene scene = ArbiterApp.createScene(model);
            stage.setScene(scene);
            stage.setWidth(1500);
            stage.setHeight(940);
            stage.show();
            if (java.util.List.of(args).contains("dark")) {
                model.theme().choose(io.arbiter.ui.theme.ThemeChoice.DARK);
            }
            model.datasetSetup().openSample();
            new ImportView(
                            model.datasetSetup().newImport(),
                            stage,
                            scene.getStylesheets().get(0))
                    .show(file);
        });
    }
}
