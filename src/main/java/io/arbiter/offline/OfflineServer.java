package io.arbiter.offline;

import com.sun.net.httpserver.HttpServer;
import io.arbiter.offline.ServerCounters.BatchCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible HTTP server on 127.0.0.1 whose models are the deterministic demo classifier.
 * Clients reach it through openai-java with {@link #baseUrl()}, exactly as they would reach OpenAI.
 */
public final class OfflineServer implements AutoCloseable {

    private static final int THREADS = 32;
    // Room for a burst of connections (the app may open up to 256 at once) before the kernel refuses any.
    private static final int BACKLOG = 512;
    private static final String MAX_IDLE_PROPERTY = "sun.net.httpserver.maxIdleConnections";
    private static final String IDLE_INTERVAL_PROPERTY = "sun.net.httpserver.idleInterval";
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final HttpServer http;
    private final ExecutorService executor;
    private final BatchRunner batches;
    private final ServerCounters counters;
    private Router router;

    private OfflineServer(HttpServer http, ExecutorService executor, BatchRunner batches, ServerCounters counters) {
        this.http = http;
        this.executor = executor;
        this.batches = batches;
        this.counters = counters;
    }

    /** Starts a server that accepts any API key and runs batches at {@link BatchPace#FAST}; port 0 picks a free port. */
    public static OfflineServer start(int port) {
        return builder().port(port).start();
    }

    /** Starts a server that answers 401 unless a request carries {@code Authorization: Bearer requiredApiKey}. */
    public static OfflineServer start(int port, String requiredApiKey) {
        return builder().port(port).apiKey(requiredApiKey).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for a server: port, required API key, batch pace and fault plan. */
    public static final class Builder {

        private int port;
        private Optional<String> requiredApiKey = Optional.empty();
        private int echoRefusedKeyStatus;
        private BatchPace batchPace = BatchPace.FAST;
        private FaultPlan faults = FaultPlan.NONE;
        private int threads = THREADS;

        private Builder() {}

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder apiKey(String requiredApiKey) {
            this.requiredApiKey = Optional.of(requiredApiKey);
            return this;
        }

        /**
         * A request without the required key is answered {@code status} (401, or e.g. 400 as some gateways do) with
         * a message that repeats the key and the Authorization header it carried: what a client must never show.
         */
        public Builder echoRefusedKeys(int status) {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("A refusal is an error status, 400 to 599, not " + status);
            }
            this.echoRefusedKeyStatus = status;
            return this;
        }

        public Builder batchPace(BatchPace batchPace) {
            this.batchPace = batchPace;
            return this;
        }

        /** Failures to inject; {@link FaultPlan#NONE} by default. */
        public Builder faults(FaultPlan faults) {
            this.faults = faults;
            return this;
        }

        /**
         * Requests handled at once (default 32). A slow fault plan holds a thread per request, so a benchmark of
         * client concurrency needs at least as many threads as the client has requests in flight.
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("At least one server thread, not " + threads);
            }
            this.threads = threads;
            return this;
        }

        public OfflineServer start() {
            return OfflineServer.start(this);
        }
    }

    private static OfflineServer start(Builder options) {
        keepIdleConnectionsLongerThanOkHttp();
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the offline server to 127.0.0.1:" + options.port, e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(options.threads, daemonThreads());
        Clock clock = Clock.systemUTC();
        ServerCounters counters = new ServerCounters();
        FileStore files = new FileStore(clock);
        DemoChat chat = new DemoChat(clock);
        FaultInjector faults = new FaultInjector(options.faults);
        BatchRunner batches = new BatchRunner(files, chat, options.batchPace, faults, counters, clock);
        OfflineServer server = new OfflineServer(http, executor, batches, counters);
        server.router = new Router(
                routes(chat, files, batches, counters, faults), options.requiredApiKey, options.echoRefusedKeyStatus);
        http.createContext("/", server.router);
        http.setExecutor(executor);
        http.start();
        return server;
    }

    /**
     * The JDK server drops keep-alive connections idle for 30 s, but OkHttp pools them for 5 minutes and the SDK
     * turns off OkHttp's reconnect, so a GET after a pause failed with "Request failed". The property is read
     * once per JVM, when the first JDK HTTP server starts, and an explicit setting is left alone.
     */
    private static void keepIdleConnectionsLongerThanOkHttp() {
        if (System.getProperty(IDLE_INTERVAL_PROPERTY) == null) {
            System.setProperty(IDLE_INTERVAL_PROPERTY, "360");
        }
        // The server writes headers and body separately; with Nagle's algorithm on, each small reply then waits
        // for the client's delayed ACK (about 40 ms), which capped a 16-way run at ~350 requests/s.
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
        // The JDK server closes idle connections beyond 200; a client at concurrency 256 or 512 then finds its
        // pooled connections closed under it and has to retry.
        if (System.getProperty(MAX_IDLE_PROPERTY) == null) {
            System.setProperty(MAX_IDLE_PROPERTY, "1024");
        }
    }

    // One line per endpoint.
    private static List<Route> routes(
            DemoChat chat, FileStore files, BatchRunner batches, ServerCounters counters, FaultInjector faults) {
        FilesApi filesApi = new FilesApi(files);
        BatchesApi batchesApi = new BatchesApi(files, batches);
        return List.of(
                Route.get("/v1/models", new ModelsEndpoint()),
                Route.post("/v1/chat/completions", new ChatCompletionsEndpoint(chat, counters, faults)),
                Route.post("/v1/files", counted(counters, BatchCall.UPLOAD, filesApi::create)),
                Route.get("/v1/files/([^/]+)", filesApi::retrieve),
                Route.get("/v1/files/([^/]+)/content", counted(counters, BatchCall.DOWNLOAD, filesApi::content)),
                Route.post("/v1/batches", counted(counters, BatchCall.CREATE, batchesApi::create)),
                Route.get("/v1/batches", batchesApi::list),
                Route.get("/v1/batches/([^/]+)", counted(counters, BatchCall.RETRIEVE, batchesApi::retrieve)),
                Route.post("/v1/batches/([^/]+)/cancel", counted(counters, BatchCall.CANCEL, batchesApi::cancel)));
    }

    private static Endpoint counted(ServerCounters counters, BatchCall call, Endpoint endpoint) {
        return request -> {
            counters.batchCalled(call);
            return endpoint.handle(request);
        };
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger next = new AtomicInteger(1);
        return task -> {
            Thread thread = new Thread(task, "offline-server-" + next.getAndIncrement());
            thread.setDaemon(true);
            // In the workbench the demo server shares the cores with the window: below it, as the run's workers are.
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        };
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/v1");
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** Chat completions answered successfully so far. */
    public long chatRequests() {
        return counters.chatAnswers();
    }

    /** Live counters of what the server has answered, realtime and in batches. */
    public ServerCounters counters() {
        return counters;
    }

    @Override
    public void close() {
        batches.close();
        router.closeNeverAnswered();
        http.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
