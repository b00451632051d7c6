package io.arbiter.ui.workbench;

import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.ProviderPreset;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.offline.OfflineProvider;

/** Turns the provider the user picked into a profile, starting the offline server the first time it is needed. */
final class ProviderConnector implements AutoCloseable {

    private OfflineProvider offline;

    /** May start a server: call off the FX thread. */
    synchronized ProviderProfile profile(ProviderPreset preset, String baseModel, String judgeModel, int concurrency)
            throws ChatFailure {
        if (baseModel == null || baseModel.isBlank() || judgeModel == null || judgeModel.isBlank()) {
            throw new ChatFailure("Choose a base model and a judge model for " + preset.name() + ".", true, null);
        }
        String url = preset.baseUrl();
        if (preset.offline()) {
            if (offline == null) {
                offline = OfflineProvider.start();
            }
            url = offline.profile().baseUrl();
        }
        return preset.profile(url, baseModel.strip(), judgeModel.strip(), concurrency);
    }

    @Override
    public synchronized void close() {
        if (offline != null) {
            offline.close();
            offline = null;
        }
    }
}
