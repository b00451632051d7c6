package io.arbiter.ui.analysis;

import java.io.File;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

/** A right-click on a Judge analysis card offers to save it as a PNG, written in the background by the model. */
final class ChartExport {

    private ChartExport() {}

    /** Offers the PNG export on {@code card}, proposing {@code arbiter-<name>.png}. */
    static void offer(Region card, String name, AnalysisViewModel model) {
        MenuItem save = new MenuItem("Save chart as PNG…");
        save.setOnAction(e -> save(card, name, model));
        ContextMenu menu = new ContextMenu(save);
        card.setOnContextMenuRequested(e -> menu.show(card, e.getScreenX(), e.getScreenY()));
    }

    private static void save(Region card, String name, AnalysisViewModel model) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save chart as PNG");
        chooser.setInitialFileName("arbiter-" + name + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG images", "*.png"));
        File file = chooser.showSaveDialog(
                card.getScene() == null ? null : card.getScene().getWindow());
        if (file == null) {
            return;
        }
        // The snapshot must be taken on the FX thread; encoding and writing happen in the background.
        WritableImage image = card.snapshot(new SnapshotParameters(), null);
        model.savePng(SwingFXUtils.fromFXImage(image, null), file.toPath());
    }
}
