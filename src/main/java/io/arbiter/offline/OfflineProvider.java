package io.arbiter.offline;

import io.arbiter.core.llm.ProviderProfile;

/** The offline demo model as a provider: an embedded server on a loopback port and the profile that reaches it. */
public final class OfflineProvider implements AutoCloseable {

    private final OfflineServer server;
    private final ProviderProfile profile;

    private OfflineProvider(OfflineServer server, int concurrency) {
        this.server = server;
        this.profile = new ProviderProfile(
                DemoModels.DISPLAY_NAME,
                server.baseUrl().toString(),
                null,
                DemoModels.BASE,
                DemoModels.JUDGE,
                0.0,
                64,
                concurrency);
    }

    /** Starts a server on an ephemeral port. */
    public static OfflineProvider start() {
        return start(ProviderProfile.DEFAULT_CONCURRENCY);
    }

    public static OfflineProvider start(int concurrency) {
        return new OfflineProvider(OfflineServer.start(0), concurrency);
    }

    /** For the app, which should pass {@link BatchPace#VISIBLE} so batch progress can be watched. */
    public static OfflineProvider start(int concurrency, BatchPace batchPace) {
        return new OfflineProvider(OfflineServer.builder().batchPace(batchPace).start(), concurrency);
    }

    public ProviderProfile profile() {
        return profile;
    }

    public OfflineServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
