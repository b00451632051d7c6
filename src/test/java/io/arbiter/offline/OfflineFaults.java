package io.arbiter.offline;

/** Starts test servers with a fault plan. */
final class OfflineFaults {

    private OfflineFaults() {}

    static OfflineServer start(String plan) {
        return OfflineServer.builder().faults(FaultPlan.parse(plan)).start();
    }
}
