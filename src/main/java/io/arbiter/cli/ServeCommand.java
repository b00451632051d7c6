package io.arbiter.cli;

import io.arbiter.offline.DemoModels;
import io.arbiter.offline.OfflineServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code arbiter serve}: the offline demo model as an OpenAI-compatible server for any client. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the offline demo model (a deterministic text classifier, not an LLM) on 127.0.0.1.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "0", description = "Port on 127.0.0.1; 0 picks a free one.")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new CliFailure("--port must be 0 to 65535, not " + port, ArbiterCli.BAD_INPUT);
        }
        OfflineServer server;
        try {
            server = OfflineServer.start(port);
        } catch (RuntimeException e) {
            throw new CliFailure("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + ")", ArbiterCli.BAD_INPUT);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println(DemoModels.DISPLAY_NAME + " serving at " + server.baseUrl()
                + " (models " + DemoModels.BASE + ", " + DemoModels.JUDGE + "); Ctrl+C stops it.");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
