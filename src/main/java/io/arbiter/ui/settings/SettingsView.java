package io.arbiter.ui.settings;

import io.arbiter.core.llm.ApiKeys;
import io.arbiter.core.llm.ConnectionReport;
import io.arbiter.core.llm.ProviderSettings;
import io.arbiter.core.llm.ProviderSettingsStore;
import io.arbiter.core.llm.StructuredOutput;
import io.arbiter.ui.common.TaskExecutor;
import io.arbiter.ui.common.ViewLoader;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Settings dialog: provider profiles on the left, the selected one's fields on the right. Over 300 lines because
 * the FXML injects its 40 controls here, three lines each; the key source controls are bound by
 * {@link KeySourceControls}.
 */
public final class SettingsView {

    private static final String STYLESHEET = "/css/settings.css";
    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    @FXML
    private Parent root;

    @FXML
    private ListView<ProfileList.Profile> settingsProfileList;

    @FXML
    private MenuButton settingsAddButton;

    @FXML
    private Button settingsDuplicateButton;

    @FXML
    private Button settingsDeleteButton;

    @FXML
    private TextField settingsNameField;

    @FXML
    private TextField settingsUrlField;

    @FXML
    private RadioButton settingsEnvRadio;

    @FXML
    private TextField settingsKeyEnvField;

    @FXML
    private Label settingsKeyStatusLabel;

    @FXML
    private RadioButton settingsKeychainRadio;

    @FXML
    private PasswordField settingsKeychainKeyField;

    @FXML
    private Button settingsStoreKeyButton;

    @FXML
    private Button settingsRemoveKeyButton;

    @FXML
    private Label settingsKeychainStatusLabel;

    @FXML
    private Label settingsKeychainReasonLabel;

    @FXML
    private Label settingsKeySourceHintLabel;

    @FXML
    private ComboBox<String> settingsBaseModelBox;

    @FXML
    private ComboBox<String> settingsJudgeModelBox;

    @FXML
    private Button settingsLoadModelsButton;

    @FXML
    private TextField settingsTemperatureField;

    @FXML
    private TextField settingsMaxTokensField;

    @FXML
    private TextField settingsSeedField;

    @FXML
    private TextField settingsConcurrencyField;

    @FXML
    private TextField settingsRpmField;

    @FXML
    private TextField settingsTpmField;

    @FXML
    private TextField settingsRequestTimeoutField;

    @FXML
    private TextField settingsRowTimeoutField;

    @FXML
    private CheckBox settingsBatchCheck;

    @FXML
    private ChoiceBox<StructuredOutput> settingsStructuredOutputBox;

    @FXML
    private TextField settingsBaseInputPriceField;

    @FXML
    private TextField settingsBaseOutputPriceField;

    @FXML
    private TextField settingsJudgeInputPriceField;

    @FXML
    private TextField settingsJudgeOutputPriceField;

    @FXML
    private Label settingsProblemsLabel;

    @FXML
    private Button settingsTestButton;

    @FXML
    private ProgressIndicator settingsTestProgress;

    @FXML
    private TextArea settingsReportArea;

    @FXML
    private Label settingsStatusLabel;

    @FXML
    private Button settingsUseButton;

    @FXML
    private Button settingsSaveButton;

    @FXML
    private Button settingsCloseButton;

    private final SettingsViewModel model;
    private final Stage stage = new Stage();

    /**
     * Opens Settings on the user's config file ({@code $ARBITER_CONFIG_DIR} or {@code ~/.config/arbiter}). The
     * offline demo's server is started only if its connection is tested, and stops when the dialog closes.
     * Call on the FX thread.
     *
     * @param onUse receives the selected profile when the user presses "Use for runs"
     */
    public static SettingsView open(
            Window owner, String stylesheet, TaskExecutor executor, Consumer<ProviderSettings> onUse) {
        OfflineOnDemand offline = new OfflineOnDemand();
        SettingsView view =
                open(owner, stylesheet, executor, onUse, ProviderSettingsStore.forUser(), ApiKeys.system(), offline);
        view.stage.setOnHidden(e -> offline.close());
        return view;
    }

    /**
     * Opens Settings on a given store, with the offline demo reached at {@code offlineUrl} (called in the
     * background; e.g. the workbench's already running server). Call on the FX thread.
     */
    public static SettingsView open(
            Window owner,
            String stylesheet,
            TaskExecutor executor,
            Consumer<ProviderSettings> onUse,
            ProviderSettingsStore store,
            Callable<String> offlineUrl) {
        return open(owner, stylesheet, executor, onUse, store, ApiKeys.system(), offlineUrl);
    }

    /** As above, with keys looked up and stored through {@code keys}, e.g. an in-memory keychain in tests. */
    public static SettingsView open(
            Window owner,
            String stylesheet,
            TaskExecutor executor,
            Consumer<ProviderSettings> onUse,
            ProviderSettingsStore store,
            ApiKeys keys,
            Callable<String> offlineUrl) {
        SettingsViewModel model = new SettingsViewModel(executor, store, keys, offlineUrl, onUse);
        SettingsView view = new SettingsView(model, owner, stylesheet);
        view.stage.show();
        return view;
    }

    public SettingsView(SettingsViewModel model, Window owner, String stylesheet) {
        this.model = model;
        ViewLoader.load("/fxml/settings/SettingsView.fxml", this);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("Settings · Providers");
        Scene scene = new Scene(root);
        if (stylesheet != null) {
            scene.getStylesheets().add(stylesheet);
        }
        scene.getStylesheets().add(SettingsView.class.getResource(STYLESHEET).toExternalForm());
        stage.setScene(scene);

        bindList();
        bindForm();
        bindCommands();
    }

    public Stage stage() {
        return stage;
    }

    public SettingsViewModel model() {
        return model;
    }

    private void bindList() {
        ProfileList list = model.profileList();
        settingsProfileList.setItems(list.profiles());
        settingsProfileList.getSelectionModel().select(list.selectedProperty().get());
        settingsProfileList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                list.selectedProperty().set(now);
            }
        });
        list.selectedProperty()
                .addListener((obs, old, now) ->
                        settingsProfileList.getSelectionModel().select(now));
        for (ProviderSettings preset : ProviderSettings.presets()) {
            MenuItem item = new MenuItem(preset.name());
            item.setOnAction(e -> list.addPreset(preset));
            settingsAddButton.getItems().add(item);
        }
        // Until the profiles are read there is nothing to add to, and nothing may be saved over the file.
        settingsAddButton.disableProperty().bind(list.loadingProperty());
        settingsSaveButton.disableProperty().bind(list.loadingProperty());
    }

    private void bindForm() {
        SettingsForm form = model.form();
        bindText(settingsNameField, form.name);
        bindText(settingsUrlField, form.baseUrl);
        bindText(settingsKeyEnvField, form.apiKeyEnv);
        bindText(settingsTemperatureField, form.temperature);
        bindText(settingsMaxTokensField, form.maxTokens);
        bindText(settingsSeedField, form.seed);
        bindText(settingsConcurrencyField, form.concurrency);
        bindText(settingsRpmField, form.requestsPerMinute);
        bindText(settingsTpmField, form.tokensPerMinute);
        bindText(settingsBaseInputPriceField, form.baseInputPrice);
        bindText(settingsBaseOutputPriceField, form.baseOutputPrice);
        bindText(settingsJudgeInputPriceField, form.judgeInputPrice);
        bindText(settingsJudgeOutputPriceField, form.judgeOutputPrice);
        bindText(settingsRequestTimeoutField, form.requestTimeout);
        bindText(settingsRowTimeoutField, form.rowTimeout);
        settingsBatchCheck.selectedProperty().bindBidirectional(form.hasBatchApi);
        settingsStructuredOutputBox.getItems().setAll(StructuredOutput.values());
        settingsStructuredOutputBox.valueProperty().bindBidirectional(form.structuredOutput);
        bindModel(settingsBaseModelBox, form.baseModel);
        bindModel(settingsJudgeModelBox, form.judgeModel);

        // The offline demo runs on this computer: only its models and concurrency are the user's to change.
        for (Node locked : List.of(
                settingsNameField,
                settingsUrlField,
                settingsEnvRadio,
                settingsKeyEnvField,
                settingsTemperatureField,
                settingsMaxTokensField,
                settingsSeedField,
                settingsRpmField,
                settingsTpmField,
                settingsBatchCheck,
                settingsBaseInputPriceField,
                settingsBaseOutputPriceField,
                settingsJudgeInputPriceField,
                settingsJudgeOutputPriceField,
                settingsDeleteButton)) {
            locked.disableProperty().bind(model.offlineProperty());
        }
        settingsUrlField
                .promptTextProperty()
                .bind(Bindings.when(model.offlineProperty())
                        .then("started on this computer when needed")
                        .otherwise("https://…/v1"));

        new KeySourceControls(
                        settingsEnvRadio,
                        settingsKeyEnvField,
                        settingsKeyStatusLabel,
                        settingsKeychainRadio,
                        settingsKeychainKeyField,
                        settingsStoreKeyButton,
                        settingsRemoveKeyButton,
                        settingsKeychainStatusLabel,
                        settingsKeychainReasonLabel,
                        settingsKeySourceHintLabel)
                .bind(form, model.keySource(), model.offlineProperty());

        settingsProblemsLabel.textProperty().bind(model.problemsProperty());
        settingsProblemsLabel.managedProperty().bind(model.problemsProperty().isNotEmpty());
        settingsAddButton.setTooltip(new Tooltip("Add a profile from a preset"));
        ConnectionProbe connection = model.connection();
        settingsReportArea.textProperty().bind(connection.reportTextProperty());
        connection.reportProperty().addListener((obs, old, report) -> showReportState(report));
        settingsTestProgress.visibleProperty().bind(connection.checkingProperty());
        settingsStatusLabel.textProperty().bind(model.statusProperty());
    }

    private void bindCommands() {
        ProfileList list = model.profileList();
        ConnectionProbe connection = model.connection();
        settingsDuplicateButton.setOnAction(e -> list.duplicate());
        settingsDeleteButton.setOnAction(e -> list.delete());
        settingsTestButton.setOnAction(e -> connection.test());
        settingsLoadModelsButton.setOnAction(e -> connection.test());
        settingsTestButton.disableProperty().bind(connection.checkingProperty());
        settingsLoadModelsButton.disableProperty().bind(connection.checkingProperty());
        settingsUseButton.disableProperty().bind(model.validProperty().not());
        settingsSaveButton.setOnAction(e -> model.save());
        settingsUseButton.setOnAction(e -> model.use());
        settingsCloseButton.setOnAction(e -> stage.close());
    }

    private void showReportState(ConnectionReport report) {
        settingsReportArea.pseudoClassStateChanged(OK, report != null && report.ok());
        settingsReportArea.pseudoClassStateChanged(FAILED, report != null && !report.ok());
    }

    private static void bindText(TextField field, StringProperty property) {
        field.textProperty().bindBidirectional(property);
    }

    /** Typing counts at once, not only on Enter; picking from the list fills the text. */
    private void bindModel(ComboBox<String> box, StringProperty property) {
        box.setItems(model.connection().models());
        box.getEditor().textProperty().bindBidirectional(property);
        box.valueProperty().addListener((obs, old, picked) -> {
            if (picked != null && !picked.equals(property.get())) {
                property.set(picked);
            }
        });
    }
}
