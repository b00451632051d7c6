package io.arbiter.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a screen's FXML from {@code /fxml/<screen>/<Name>.fxml}; a failure names the file. Call on the FX thread. */
public final class ViewLoader {

    private ViewLoader() {}

    /** Loads the FXML with {@code controller} as its code-behind and returns the root node. */
    public static Parent load(String fxmlPath, Object controller) {
        URL url = ViewLoader.class.getResource(fxmlPath);
        if (url == null) {
            throw new IllegalStateException("FXML file " + fxmlPath + " is missing from the application");
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + fxmlPath + ": " + e.getMessage(), e);
        }
    }
}
