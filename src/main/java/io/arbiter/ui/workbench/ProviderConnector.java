package io.arbiter.ui.workbench;

import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.ProviderSettings;
import io.arbiter.offline.BatchPace;
import io.arbiter.offline.OfflineProvider;

/** Turns the provider the user picked into a profile, starting the offline server the first time it is needed. */
final class ProviderConnector implements AutoCloseable {

    private OfflineProvider offline;

    /** May start a server: call off the FX thread. */
    synchronized ProviderProfile profile(
            ProviderSettings settings, String baseModel, String judgeModel, int concurrency) throws ChatFailure {
        if (baseModel == null || baseModel.isBlank() || judgeModel == null || judgeModel.isBlank()) {
            throw new ChatFailure("Choose a base model and a judge model for " + settings.name() + ".", true, null);
        }
        String url = settings.offline() ? offlineUrl() : settings.baseUrl();
        ProviderProfile saved = settings.profile(url);
        return new ProviderProfile(
                saved.name(),
                url,
                saved.apiKeyEnv(),
                baseModel.strip(),
                judgeModel.strip(),
                saved.temperature(),
                saved.maxTokens(),
                concurrency,
                saved.keychainEntry(),
                saved.prices(),
                saved.timeouts());
    }

    /** The embedded server's API root, started the first time it is asked for. */
    synchronized String offlineUrl() {
        if (offline == null) {
            offline = OfflineProvider.start(ProviderProfile.DEFAULT_CONCURRENCY, BatchPace.VISIBLE);
        }
        return offline.profile().baseUrl();
    }

    @Override
    public synchronized void close() {
        if (offline != null) {
            offline.close();
            offline = null;
        }
    }
}
