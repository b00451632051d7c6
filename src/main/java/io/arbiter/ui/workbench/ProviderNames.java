package io.arbiter.ui.workbench;

import io.arbiter.core.llm.ProviderSettings;
import java.util.List;
import javafx.util.StringConverter;

/** The provider chooser's text: each provider by its name, and a name back to the provider of that name. */
final class ProviderNames extends StringConverter<ProviderSettings> {

    private final List<ProviderSettings> providers;

    /** Names among {@code providers}, a live list the chooser shows. */
    ProviderNames(List<ProviderSettings> providers) {
        this.providers = providers;
    }

    @Override
    public String toString(ProviderSettings settings) {
        return settings == null ? "" : settings.name();
    }

    @Override
    public ProviderSettings fromString(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
