package io.arbiter.ui.about;

import io.arbiter.ui.common.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Help > About: a small window of {@link AboutViewModel}'s facts, with Copy for a bug report. */
public final class AboutView {

    @FXML
    private VBox root;

    @FXML
    private Label aboutTitle;

    @FXML
    private GridPane factsGrid;

    @FXML
    private Button copyButton;

    @FXML
    private Button closeButton;

    private final Stage stage = new Stage();

    public AboutView(AboutViewModel model, Window owner, String stylesheet) {
        ViewLoader.load("/fxml/about/AboutView.fxml", this);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("About Arbiter");
        stage.setResizable(false);
        Scene scene = new Scene(root);
        if (stylesheet != null) {
            scene.getStylesheets().add(stylesheet);
        }
        stage.setScene(scene);
        aboutTitle.setText(model.title());
        int row = 0;
        for (AboutViewModel.Fact fact : model.facts()) {
            Label name = new Label(fact.name());
            name.getStyleClass().add("about-name");
            Label value = new Label(fact.value());
            value.setWrapText(true);
            value.setId(id(fact.name()));
            factsGrid.addRow(row++, name, value);
        }
        copyButton.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.asText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        closeButton.setOnAction(e -> stage.close());
    }

    /** A fact's label's fx:id: "Data folder" is #aboutDataFolder. */
    private static String id(String name) {
        StringBuilder id = new StringBuilder("about");
        for (String word : name.split(" ")) {
            id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return id.toString();
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
    }
}
