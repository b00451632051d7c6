package io.arbiter.bench;

import io.arbiter.offline.FaultPlan;
import io.arbiter.offline.OfflineServer;

/**
 * Not a test: an offline server in its own JVM for the realtime benchmarks, so client and server CPU can be told
 * apart; every request is delayed, however often the same one comes back. Run as {@code java -cp <test classpath> io.arbiter.bench.BenchServer PORT DELAY_MS [THREADS]}.
 */
public final class BenchServer {

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        int delayMs = Integer.parseInt(args[1]);
        OfflineServer.Builder builder = OfflineServer.builder()
                .port(port)
                .faults(FaultPlan.parse("slow=1.0:" + delayMs + "ms,max-faults=" + Integer.MAX_VALUE));
        if (args.length > 2) {
            builder.threads(Integer.parseInt(args[2]));
        }
        OfflineServer server = builder.start();
        System.out.println("serving at " + server.baseUrl());
        Thread.currentThread().join();
    }
}
