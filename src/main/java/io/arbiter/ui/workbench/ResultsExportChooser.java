package io.arbiter.ui.workbench;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Where an export of the results goes: a save dialog proposing the project's own file name in the folder the last
 * export went to, offering CSV, CSV for Excel (with UTF-8's byte order mark, so Excel reads accents) and Excel; the
 * file's name picks the format.
 */
final class ResultsExportChooser {

    /** The folder the last export went to, where the next one starts; null before any. */
    private Path lastFolder;

    /** Where an export goes, and whether a CSV file starts with UTF-8's byte order mark (for Excel). */
    record Target(Path file, boolean bom) {}

    /** Asks where to export {@code proposed}; empty when the user cancels. */
    Optional<Target> choose(Window owner, String proposed) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export results");
        chooser.setInitialFileName(proposed);
        if (lastFolder != null && lastFolder.toFile().isDirectory()) {
            chooser.setInitialDirectory(lastFolder.toFile());
        }
        FileChooser.ExtensionFilter excel = new FileChooser.ExtensionFilter("Excel workbooks", "*.xlsx");
        FileChooser.ExtensionFilter excelCsv =
                new FileChooser.ExtensionFilter("CSV for Excel (UTF-8 with BOM)", "*.csv");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv"), excelCsv, excel);
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        lastFolder = file.toPath().toAbsolutePath().getParent(); // the next export starts there
        // A name typed under the Excel filter without its ending gets one.
        boolean named = file.getName().toLowerCase(Locale.ROOT).matches(".*\\.(csv|xlsx)");
        boolean toExcel = chooser.getSelectedExtensionFilter() == excel && !named;
        Path chosen = toExcel ? new File(file.getPath() + ".xlsx").toPath() : file.toPath();
        return Optional.of(new Target(chosen, chooser.getSelectedExtensionFilter() == excelCsv));
    }
}
