package io.arbiter.ui.settings;

import io.arbiter.core.llm.ApiKeys;
import io.arbiter.core.llm.ConnectionCheck;
import io.arbiter.core.llm.ConnectionReport;
import io.arbiter.core.llm.ProviderSettings;
import io.arbiter.ui.common.TaskExecutor;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Test connection" for the selected profile: asks its provider for its models in the background, says what happened
 * in plain words and offers the models it lists in the model fields. An answer about a profile no longer selected is
 * dropped. FX thread.
 */
public final class ConnectionProbe {

    private final TaskExecutor executor;
    private final ApiKeys keys;
    private final Callable<String> offlineUrl;
    private final ReadOnlyObjectProperty<ProfileList.Profile> selected;
    private final SettingsForm form;

    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ConnectionReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper reportText = new ReadOnlyStringWrapper("");

    /** {@code offlineUrl} is the running offline server's base URL, starting it if need be; called in the background. */
    ConnectionProbe(
            TaskExecutor executor,
            ApiKeys keys,
            Callable<String> offlineUrl,
            ReadOnlyObjectProperty<ProfileList.Profile> selected,
            SettingsForm form) {
        this.executor = executor;
        this.keys = keys;
        this.offlineUrl = offlineUrl;
        this.selected = selected;
        this.form = form;
    }

    // Properties

    /** Model ids the provider listed at the last test; the model fields stay editable whatever it lists. */
    public ObservableList<String> models() {
        return models;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reportTextProperty() {
        return reportText.getReadOnlyProperty();
    }

    // Commands

    /** Asks the provider for its models in the background; fills the model choices and says what happened. */
    public void test() {
        ProfileList.Profile profile = selected.get();
        if (profile == null || checking.get()) {
            return;
        }
        ProviderSettings settings = profile.settings();
        checking.set(true);
        report.set(null);
        reportText.set(
                "Asking " + (settings.offline() ? "the offline demo server" : settings.baseUrl()) + " for its models…");
        executor.submit(() -> {
                    String url = settings.offline() ? offlineUrl.call() : settings.baseUrl();
                    return ConnectionCheck.run(settings, url, keys, ConnectionCheck.DEFAULT_TIMEOUT);
                })
                .whenComplete((result, failure) -> {
                    checking.set(false);
                    if (selected.get() != profile) {
                        reportText.set("");
                        return; // the user moved on; the answer is about another profile
                    }
                    if (failure != null) {
                        reportText.set("The test could not run: " + SettingsViewModel.rootMessage(failure));
                        return;
                    }
                    report.set(result);
                    reportText.set(result.text());
                    if (!result.models().isEmpty()) {
                        String base = form.baseModel.get();
                        String judge = form.judgeModel.get();
                        models.setAll(result.models());
                        form.baseModel.set(base); // an editable ComboBox may clear its value when its items change
                        form.judgeModel.set(judge);
                    }
                });
    }

    /** Forgets the last answer for a newly selected profile (null: none) and offers the models it names. */
    void show(ProviderSettings settings) {
        models.clear();
        report.set(null);
        reportText.set("");
        if (settings != null) {
            Set<String> chosen = new LinkedHashSet<>();
            for (String model : new String[] {settings.baseModel(), settings.judgeModel()}) {
                if (model != null && !model.isBlank()) {
                    chosen.add(model);
                }
            }
            models.addAll(chosen);
        }
    }
}
