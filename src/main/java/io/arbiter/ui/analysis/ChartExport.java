package io.arbiter.ui.analysis;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

/**
 * A right-click on a chart (a Judge analysis card, the Runs trend) offers to save it as a PNG, written in the
 * background by its screen's model, or to copy it; the right-click does nothing else, while a left click still
 * navigates.
 */
public final class ChartExport {

    private ChartExport() {}

    /** Offers the PNG export on {@code card}, proposing {@code arbiter-<name>.png}. */
    static void offer(Region card, String name, AnalysisViewModel model) {
        offer(card, name, model::savePng);
    }

    /** Offers "Save chart as PNG…" (written by {@code writer}, off the FX thread) and "Copy chart" on {@code card}. */
    public static void offer(Region card, String name, BiConsumer<BufferedImage, Path> writer) {
        MenuItem save = new MenuItem("Save chart as PNG…");
        save.setOnAction(e -> save(card, name, writer));
        MenuItem copy = new MenuItem("Copy chart");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putImage(card.snapshot(new SnapshotParameters(), null));
            Clipboard.getSystemClipboard().setContent(content);
        });
        ContextMenu menu = new ContextMenu(save, copy);
        card.setOnContextMenuRequested(e -> {
            menu.show(card, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        // The secondary press and click belong to the menu: nothing under the pointer acts on them.
        card.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.SECONDARY) {
                e.consume();
            }
        });
    }

    private static void save(Region card, String name, BiConsumer<BufferedImage, Path> writer) {
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
        writer.accept(SwingFXUtils.fromFXImage(image, null), file.toPath());
    }
}
