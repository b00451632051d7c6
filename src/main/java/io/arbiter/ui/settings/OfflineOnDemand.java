package io.arbiter.ui.settings;

import io.arbiter.offline.OfflineProvider;
import java.util.concurrent.Callable;

/** The offline demo server for the Settings dialog's test, started the first time its URL is asked for. */
final class OfflineOnDemand implements Callable<String>, AutoCloseable {

    private OfflineProvider provider;

    @Override
    public synchronized String call() {
        if (provider == null) {
            provider = OfflineProvider.start();
        }
        return provider.profile().baseUrl();
    }

    @Override
    public synchronized void close() {
        if (provider != null) {
            provider.close();
            provider = null;
        }
    }
}
