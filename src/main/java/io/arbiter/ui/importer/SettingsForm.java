package io.arbiter.ui.importer;

import io.arbiter.core.dataset.FileFormat;
import io.arbiter.core.dataset.ImportSettings;
import io.arbiter.core.dataset.LineEnding;
import java.nio.charset.Charset;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The import dialog's settings: how the file was detected to be written, each setting open to the user's override. */
final class SettingsForm {

    private final ObjectProperty<FileFormat> format = new SimpleObjectProperty<>(FileFormat.DELIMITED);
    private final ObjectProperty<String> encoding = new SimpleObjectProperty<>("UTF-8");
    private final ObjectProperty<Delimiter> delimiter = new SimpleObjectProperty<>(Delimiter.COMMA);
    private final ObjectProperty<Character> quote = new SimpleObjectProperty<>('"');
    private final ObjectProperty<LineEnding> lineEnding = new SimpleObjectProperty<>(LineEnding.LF);
    private final BooleanProperty header = new SimpleBooleanProperty(true);
    private final ObjectProperty<String> sheet = new SimpleObjectProperty<>();
    private final ObservableList<String> sheets = FXCollections.observableArrayList();
    private boolean showingDetected;

    /** {@code changed} runs when the user changes a setting, not while detected settings are being shown. */
    SettingsForm(Runnable changed) {
        for (var setting : List.of(format, encoding, delimiter, quote, lineEnding, sheet)) {
            setting.addListener((obs, old, now) -> changedByUser(changed));
        }
        header.addListener((obs, old, now) -> changedByUser(changed));
    }

    ObjectProperty<FileFormat> format() {
        return format;
    }

    ObjectProperty<String> encoding() {
        return encoding;
    }

    ObjectProperty<Delimiter> delimiter() {
        return delimiter;
    }

    ObjectProperty<Character> quote() {
        return quote;
    }

    ObjectProperty<LineEnding> lineEnding() {
        return lineEnding;
    }

    BooleanProperty header() {
        return header;
    }

    /** The workbook's sheet to read; null for the first one Excel shows. */
    ObjectProperty<String> sheet() {
        return sheet;
    }

    /** The workbook's sheets, in order; empty for a text file. */
    ObservableList<String> sheets() {
        return sheets;
    }

    /** What detection found: the settings, and a workbook's sheets (empty for a text file). */
    record Detected(ImportSettings settings, List<String> sheets) {}

    /** Shows what detection found, as one change rather than seven; a workbook shows its first sheet chosen. */
    void show(Detected found) {
        ImportSettings detected = found.settings();
        showingDetected = true;
        try {
            format.set(detected.format());
            encoding.set(detected.encoding().name());
            delimiter.set(Delimiter.of(detected.delimiter()));
            quote.set(detected.quote());
            lineEnding.set(detected.lineEnding());
            header.set(detected.header());
            sheets.setAll(found.sheets());
            sheet.set(detected.sheet() != null || sheets.isEmpty() ? detected.sheet() : sheets.get(0));
        } finally {
            showingDetected = false;
        }
    }

    /**
     * The settings as chosen, for a read.
     *
     * @throws IllegalArgumentException when the encoding typed is not one Java knows
     */
    ImportSettings settings() {
        return new ImportSettings(
                format.get(),
                Charset.forName(encoding.get()),
                delimiter.get().character,
                quote.get(),
                lineEnding.get(),
                header.get(),
                sheet.get());
    }

    private void changedByUser(Runnable changed) {
        if (!showingDetected) {
            changed.run();
        }
    }
}
