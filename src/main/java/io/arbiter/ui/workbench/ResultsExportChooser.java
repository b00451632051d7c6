package io.arbiter.ui.workbench;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Where an export of the results goes: a save dialog proposing the project's own file name in the folder the last
 * export went to, offering CSV and Excel; the file's name picks the format.
 */
final class ResultsExportChooser {

    /** The folder the last export went to, where the next one starts; null before any. */
    private Path lastFolder;

    /** Asks where to export {@code proposed}; empty when the user cancels. */
    Optional<Path> choose(Window owner, String proposed) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export results");
        chooser.setInitialFileName(proposed);
        if (lastFolder != null && lastFolder.toFile().isDirectory()) {
            chooser.setInitialDirectory(lastFolder.toFile());
        }
        FileChooser.ExtensionFilter excel = new FileChooser.ExtensionFilter("Excel workbooks", "*.xlsx");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv"), excel);
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        lastFolder = file.toPath().toAbsolutePath().getParent(); // the next export starts there
        // A name typed under the Excel filter without its ending gets one.
        boolean named = file.getName().toLowerCase(Locale.ROOT).matches(".*\\.(csv|xlsx)");
        boolean toExcel = chooser.getSelectedExtensionFilter() == excel && !named;
        return Optional.of(toExcel ? new File(file.getPath() + ".xlsx").toPath() : file.toPath());
    }
}
