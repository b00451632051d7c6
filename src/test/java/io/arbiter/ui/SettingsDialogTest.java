package io.arbiter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.ApiKeys;
import io.arbiter.core.llm.InMemorySecretStore;
import io.arbiter.core.llm.ProviderSettings;
import io.arbiter.core.llm.ProviderSettingsStore;
import io.arbiter.core.llm.StructuredOutput;
import io.arbiter.offline.OfflineServer;
import io.arbiter.ui.common.FxTaskExecutor;
import io.arbiter.ui.settings.ProfileList;
import io.arbiter.ui.settings.SettingsView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Settings opened through its entry point tests the offline demo against a real server and lists its models. */
@ExtendWith(ApplicationExtension.class)
class SettingsDialogTest {

    @TempDir
    Path configDir;

    private final OfflineServer server = OfflineServer.start(0);
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final List<ProviderSettings> used = new CopyOnWriteArrayList<>();
    private Stage owner;
    private SettingsView view;

    @Start
    void start(Stage stage) {
        // The dialog as users see it, in the theme, whichever test ran before in this JVM.
        javafx.application.Application.setUserAgentStylesheet(
                io.arbiter.ui.theme.ThemeStylesheet.of(io.arbiter.ui.theme.Palette.LIGHT));
        owner = stage;
        // Monocle waits forever for a frame from a shown stage that has no scene.
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
                    if (view != null) {
                        view.stage().close();
                    }
                })
                .get(10, TimeUnit.SECONDS);
        executor.shutdown();
        server.close();
    }

    private void open() throws Exception {
        view = WaitForAsyncUtils.asyncFx(() -> SettingsView.open(
                        owner,
                        ArbiterApp.class.getResource("/css/arbiter.css").toExternalForm(),
                        executor,
                        used::add,
                        ProviderSettingsStore.inDirectory(configDir),
                        () -> server.baseUrl().toString()))
                .get(10, TimeUnit.SECONDS);
        awaitProfiles();
    }

    private void open(InMemorySecretStore keychain) throws Exception {
        view = WaitForAsyncUtils.asyncFx(() -> SettingsView.open(
                        owner,
                        ArbiterApp.class.getResource("/css/arbiter.css").toExternalForm(),
                        executor,
                        used::add,
                        ProviderSettingsStore.inDirectory(configDir),
                        new ApiKeys(Map.of(), keychain),
                        () -> server.baseUrl().toString()))
                .get(10, TimeUnit.SECONDS);
        awaitProfiles();
    }

    /** The dialog opens at once and reads the profiles in the background; they are in once it stops loading. */
    private void awaitProfiles() throws Exception {
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> !view.model().profileList().loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private void selectProfile(FxRobot robot, String name) throws Exception {
        ListView<ProfileList.Profile> list =
                robot.lookup("#settingsProfileList").queryAs(ListView.class);
        WaitForAsyncUtils.asyncFx(() -> list.getItems().stream()
                        .filter(p -> p.settings().name().equals(name))
                        .findFirst()
                        .ifPresent(p -> list.getSelectionModel().select(p)))
                .get(10, TimeUnit.SECONDS);
        awaitProfiles();
    }

    @Test
    void aKeyTypedForTheKeychainIsStoredThereAndTheFieldEmptied(FxRobot robot) throws Exception {
        String key = "sk-dialog-fake-0c4f8e2a91b7d356";
        InMemorySecretStore keychain = new InMemorySecretStore();
        open(keychain);
        selectProfile(robot, "OpenAI");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#settingsKeychainRadio")
                .queryAs(RadioButton.class)
                .isDisabled());

        robot.clickOn("#settingsKeychainRadio");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "✗ no key stored"
                .equals(robot.lookup("#settingsKeychainStatusLabel")
                        .queryAs(Label.class)
                        .getText()));
        assertTrue(robot.lookup("#settingsKeyEnvField").queryAs(TextField.class).isDisabled());
        assertTrue(
                robot.lookup("#settingsRemoveKeyButton").queryAs(Button.class).isDisabled(), "nothing to remove");
        robot.clickOn("#settingsKeychainKeyField").write(key);
        robot.clickOn("#settingsStoreKeyButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "✓ key stored"
                .equals(robot.lookup("#settingsKeychainStatusLabel")
                        .queryAs(Label.class)
                        .getText()));

        assertEquals(
                "",
                robot.lookup("#settingsKeychainKeyField")
                        .queryAs(PasswordField.class)
                        .getText());
        assertEquals(key, keychain.read(ApiKeys.KEYCHAIN_SERVICE, "OpenAI").orElseThrow());
        assertFalse(robot.lookup("#settingsStatusLabel")
                .queryAs(Label.class)
                .getText()
                .contains(key));

        robot.clickOn("#settingsRemoveKeyButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "✗ no key stored"
                .equals(robot.lookup("#settingsKeychainStatusLabel")
                        .queryAs(Label.class)
                        .getText()));
        assertTrue(keychain.read(ApiKeys.KEYCHAIN_SERVICE, "OpenAI").isEmpty());
    }

    @Test
    void withoutAKeychainItsOptionIsOffAndSaysWhy(FxRobot robot) throws Exception {
        open(InMemorySecretStore.unavailable("No OS keychain found: on Linux this needs a Secret Service."));
        selectProfile(robot, "OpenAI");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#settingsKeychainReasonLabel")
                .queryAs(Label.class)
                .getText()
                .startsWith("No OS keychain found"));

        assertTrue(robot.lookup("#settingsKeychainRadio")
                .queryAs(RadioButton.class)
                .isDisabled());
        assertTrue(robot.lookup("#settingsKeychainKeyField")
                .queryAs(PasswordField.class)
                .isDisabled());
        assertTrue(robot.lookup("#settingsEnvRadio").queryAs(RadioButton.class).isSelected());
    }

    @Test
    void testConnectionOnTheOfflineDemoListsItsModels(FxRobot robot) throws Exception {
        open();
        assertEquals(
                "no key needed",
                robot.lookup("#settingsKeyStatusLabel").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#settingsNameField").queryAs(TextField.class).isDisabled(), "the demo is read-only");

        // The button sits at the foot of the scrolling form: scroll down to it, as a user does.
        robot.interact(() -> robot.lookup(".settings-scroll")
                .queryAs(javafx.scene.control.ScrollPane.class)
                .setVvalue(1));
        robot.clickOn("#settingsTestButton");
        // Read on the FX thread: the report is written there, and reading its text from this thread while it
        // changes can fail inside the text control.
        TextArea area = robot.lookup("#settingsReportArea").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> area.getText())
                .get()
                .startsWith("Reached"));
        WaitForAsyncUtils.waitForFxEvents();

        String report = WaitForAsyncUtils.asyncFx(() -> area.getText()).get();
        assertTrue(
                report.contains("no key needed; 4 models: offline-demo-base, offline-demo-judge, offline-demo-judge-2,"
                        + " offline-demo-judge-3."),
                report);
        ComboBox<String> base = robot.lookup("#settingsBaseModelBox").queryComboBox();
        assertEquals(
                List.of("offline-demo-base", "offline-demo-judge", "offline-demo-judge-2", "offline-demo-judge-3"),
                base.getItems());
        assertEquals("offline-demo-base", base.getEditor().getText());
    }

    @Test
    void savingWritesTheConfigFileAndUseHandsTheProfileOver(FxRobot robot) throws Exception {
        open();
        robot.clickOn("#settingsConcurrencyField").eraseText(2).write("8");
        robot.clickOn("#settingsSaveButton");
        Path file = configDir.resolve("providers.json");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#settingsStatusLabel")
                .queryAs(Label.class)
                .getText()
                .startsWith("Saved to"));

        robot.clickOn("#settingsUseButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, used.size());
        assertEquals(8, used.get(0).concurrency());
        assertTrue(robot.lookup("#settingsUseButton").queryAs(Button.class).isVisible());
    }

    @Test
    void structuredOutputIsChosenAmongAutoOnOffAndHandedOverWithTheProfile(FxRobot robot) throws Exception {
        open();
        @SuppressWarnings("unchecked")
        ChoiceBox<StructuredOutput> box =
                robot.lookup("#settingsStructuredOutputBox").queryAs(ChoiceBox.class);
        assertEquals(
                List.of("Auto", "On", "Off"),
                box.getItems().stream().map(Object::toString).toList());
        assertEquals(StructuredOutput.AUTO, box.getValue());
        assertFalse(box.isDisabled(), "the demo's too: it shows the fallback");

        robot.interact(() -> box.getSelectionModel().select(StructuredOutput.OFF));
        robot.clickOn("#settingsUseButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(StructuredOutput.OFF, used.get(0).structuredOutput());
    }
}
